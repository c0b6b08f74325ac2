/* glibc's %m and %#m in the wprintf family. */
#include <errno.h>
#include <stdio.h>
#include <wchar.h>
int main(void) {
  errno = ENOENT;
  wprintf(L"[%m] [%#m] [%-30m|] [%.4m]\n");
  errno = 200;
  wprintf(L"[%m] [%#m]\n");
  wchar_t buf[64];
  errno = EDOM;
  int n = swprintf(buf, 64, L"%m|%#m");
  wprintf(L"%d %ls\n", n, buf);
  return 0;
}
