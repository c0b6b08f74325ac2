#include "test.h"

static int into_block(int x) {
  int r = 0;
  if (x) goto inside;
  r += 1;
  {
    r += 10;
  inside:
    r += 100;
  }
  return r;
}

static int into_loop(int start) {
  int i = 0, s = 0;
  if (start) goto middle;
  for (i = 0; i < 3; i++) {
    s += 1;
  middle:
    s += 10;
  }
  return s * 10 + i;
}

static int into_if_branches(int which) {
  int r = 0;
  if (which == 1) goto in_then;
  if (which == 2) goto in_else;
  if (which > 100) {
    r += 1;
  in_then:
    r += 2;
  } else {
    r += 4;
  in_else:
    r += 8;
  }
  return r;
}

static int between_siblings(int n) {
  int r = 0;
  {
    r += 1;
    if (n > 0) goto second;
  first:
    r += 10;
  }
  {
    r += 100;
    if (n < 0) {
      n = 0;
      goto first;
    }
  second:
    r += 1000;
  }
  return r;
}

static int into_while(void) {
  int n = 0, k = 5;
  goto body;
  while (k > 0) {
    k--;
  body:
    n++;
  }
  return n * 10 + k;
}

static int into_switch(int v) {
  int r = 0;
  if (v < 0) goto deep;
  switch (v) {
    case 0:
      r = 1;
      break;
    case 1: {
      r = 2;
    deep:
      r += 20;
      break;
    }
    default:
      r = 3;
  }
  return r;
}

int main(void) {
  ASSERT(111, into_block(0));
  ASSERT(100, into_block(1));
  ASSERT(333, into_loop(0));
  ASSERT(323, into_loop(1));
  ASSERT(12, into_if_branches(0));
  ASSERT(2, into_if_branches(1));
  ASSERT(8, into_if_branches(2));
  ASSERT(3, into_if_branches(101));
  ASSERT(1111, between_siblings(0));
  ASSERT(1001, between_siblings(1));
  ASSERT(1221, between_siblings(-1));
  ASSERT(60, into_while());
  ASSERT(1, into_switch(0));
  ASSERT(22, into_switch(1));
  ASSERT(3, into_switch(2));
  ASSERT(20, into_switch(-1));
  return DONE();
}
