/* #line renumbers the lines after it, and renames the file, for __LINE__ and __FILE__. */
#include <string.h>
#include "test.h"

#define HERE __LINE__
#define LINE_OF(n) n

int main(void) {
  int before = __LINE__;
  ASSERT(9, before);
#line 100
  ASSERT(100, __LINE__);
  ASSERT(101, HERE);
#line 200 "generated.y"
  ASSERT(200, __LINE__);
  ASSERT(0, strcmp(__FILE__, "generated.y"));
#line LINE_OF(300)
  ASSERT(300, __LINE__);
  ASSERT(0, strcmp(__FILE__, "generated.y"));
  printf("%d assertions\n", assertions);
  return 0;
}
