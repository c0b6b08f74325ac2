// status: 3
#include <stdio.h>
#include <stdlib.h>

static void leave(int code) {
  exit(code);
}

static void call(void (*f)(int), int code) {
  f(code);
  printf("after the call\n");
}

int main(void) {
  call(leave, 3);
  printf("not reached\n");
  return 0;
}
