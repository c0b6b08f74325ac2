#include <string.h>
#include "test.h"

int counter;
int initialized = 17;
int table[4] = {1, 2, 3};
char message[] = "global";
const char *names[] = {"zero", "one", "two"};
int *pointer_to_global = &table[2];
char *pointer_into_string = message + 2;
struct config {
  const char *name;
  int values[2];
  struct config *self;
} config = {"cfg", {7, 8}, &config};
static int hidden = 3;
int (*global_fn)(const char *) = 0;
long long wide = -5000000000LL;
unsigned char bytes[] = {255, 128, 1};
short shorts[2] = {-1, 300};

static int length(const char *s) { return (int)strlen(s); }
int (*length_fn)(const char *) = length;

static int bump(void) {
  static int calls = 10;
  static int arr[3];
  arr[calls % 3]++;
  return ++calls;
}

int main(void) {
  ASSERT(0, counter);
  counter += 2;
  ASSERT(2, counter);
  ASSERT(17, initialized);
  ASSERT(0, table[3]);
  ASSERT(3, *pointer_to_global);
  ASSERT(0, strcmp(message, "global"));
  ASSERT('o', *pointer_into_string);
  ASSERT(0, strcmp(names[2], "two"));
  ASSERT(3, (int)(sizeof(names) / sizeof(names[0])));
  ASSERT(0, strcmp(config.name, "cfg"));
  ASSERT(8, config.values[1]);
  ASSERT(7, config.self->values[0]);
  ASSERT(3, hidden);
  ASSERT(1, global_fn == 0);
  ASSERT(6, length_fn("global"));
  ASSERT(1, wide == -5000000000LL);
  ASSERT(255, bytes[0]);
  ASSERT(128, bytes[1]);
  ASSERT(-1, shorts[0]);
  ASSERT(300, shorts[1]);
  ASSERT(11, bump());
  ASSERT(12, bump());
  message[0] = 'G';
  ASSERT('G', message[0]);
  return DONE();
}
