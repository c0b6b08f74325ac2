#include <stdio.h>
#include <string.h>

int main(void) {
  printf("%d %i %u\n", 42, -17, 3000000000u);
  printf("%x %X %o %#x %#o\n", 255, 255, 8, 255, 8);
  printf("[%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42);
  printf("[%.3d] [%8.3d] [%-8.3d] [%.0d]\n", 7, 7, 7, 0);
  printf("%c%c%c\n", 'a', 'b', 'c');
  printf("[%s] [%10s] [%-10s] [%.2s]\n", "str", "right", "left", "trunc");
  printf("%lld %lld %llu\n", 1234567890123LL, -9223372036854775807LL - 1, 18446744073709551615ULL);
  printf("%llx %llX %llo\n", 0x123456789abcdefULL, 0xFEDCBA9876543210ULL, 01234567012345670123ULL);
  printf("%ld %lu %hd %hhd %hu\n", -5L, 5UL, (short)70000, (char)300, (unsigned short)-1);
  printf("%zu %d%%\n", sizeof(int), 100);
  printf("%*d|%-*d|%.*s\n", 6, 1, 4, 2, 3, "abcdef");
  char buf[64];
  int n = sprintf(buf, "%d-%s-%c", 12, "ab", 'z');
  printf("%s %d\n", buf, n);
  n = snprintf(buf, 6, "%s", "truncated");
  printf("%s %d\n", buf, n);
  n = snprintf(NULL, 0, "%d", 123456);
  printf("%d\n", n);
  printf("%s\n", "");
  printf("%5s|%-5c|\n", "", 'x');
  puts("puts adds a newline");
  putchar('!');
  putchar('\n');
  printf("%d %d %d\n", 0, -0, 2147483647);
  printf("%d\n", -2147483647 - 1);
  return 0;
}
