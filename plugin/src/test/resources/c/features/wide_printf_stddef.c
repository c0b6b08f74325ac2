// printf's %ls and %lc in a program that takes wchar_t from <stddef.h>, not <wchar.h>
// (ASCII only: glibc's default "C" locale fails on other characters).
#include <stddef.h>
#include <stdio.h>

int main(void) {
  const wchar_t *w = L"wide text";
  wchar_t c = L'Z';
  printf("[%ls] [%lc] [%5lc] [%-12ls] [%.4ls]\n", w, c, c, w, w);
  printf("[%ls]\n", (wchar_t *)NULL);
  return 0;
}
