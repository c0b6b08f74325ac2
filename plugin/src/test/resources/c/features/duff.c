#include "test.h"

/* Duff's device: case labels inside a loop nested in the switch. */
static void copy(char *to, const char *from, int count) {
  int n = (count + 7) / 8;
  switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
  }
}

static int nested_default(int x) {
  int r = 0;
  switch (x) {
    case 1:
      r = 1;
      if (x > 0) {
      default:
        r += 10;
      }
      break;
  }
  return r;
}

int main(void) {
  const char *src = "the quick brown fox jumps";
  for (int len = 1; len <= 25; len++) {
    char dst[32] = {0};
    copy(dst, src, len);
    for (int i = 0; i < len; i++) ASSERT(src[i], dst[i]);
    ASSERT(0, dst[len]);
  }
  ASSERT(11, nested_default(1));
  ASSERT(10, nested_default(5));
  return DONE();
}
