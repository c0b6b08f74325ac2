/* The errno after scanf meets the end of its input: 0 when the input ends in the skip before a
   conversion (glibc skips with errno at 0), else what the caller had. stdin is empty. */
#include <errno.h>
#include <stdio.h>
int main(void) {
  int a, n; char s[8]; int r;
  errno = EDOM; r = sscanf("", "%d", &a); printf("A %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf(" ", "%d", &a); printf("B %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", "x"); printf("C %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", "%s", s); printf("D %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", "%n%d", &n, &a); printf("E %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", " %d", &a); printf("F %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", "%c", s); printf("G %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", ""); printf("H %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("5", "%d%d", &a, &n); printf("I %d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("a", "a%d", &a); printf("J %d errno %d\n", r, errno);
  errno = EDOM; r = scanf("%d", &a); printf("K %d errno %d\n", r, errno);
  errno = EDOM; r = scanf("%d", &a); printf("L %d errno %d\n", r, errno);
  return 0;
}
