/*
 * A program's own getchar and puts serve the program only: scanf and ungetc keep reading stdin
 * with the library's getchar, and printf does not write through the program's putchar path.
 */
#include <stdio.h>

static int own_calls;

int getchar(void) {
  own_calls++;
  return 'x';
}

int puts(const char *s) {
  printf("own puts: %s\n", s);
  return 0;
}

int main(void) {
  int a = 0, b = 0;
  int n = scanf("%d", &a);
  int c = getchar();
  int space = fgetc(stdin);
  int u = ungetc('7', stdin);
  int m = scanf("%d", &b);
  char word[16];
  int w = scanf("%15s", word);
  printf("%d %d %c [%c] %c %d %d %d %s, own getchar called %d time(s)\n", n, a, c, space, u, m, b, w, word,
         own_calls);
  puts("through the program's puts");
  int rest = 0;
  for (int ch; (ch = fgetc(stdin)) != EOF;) rest++;
  printf("%d characters left\n", rest);
  return 0;
}
