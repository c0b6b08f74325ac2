/*
 * The harness of the C feature tests. Each test is one program; it is compiled natively by
 * gcc and by wasmformer, and both runs must print the same and exit with the same status.
 * ASSERT works in int, ASSERT64 in long long (so tests without it need no 64-bit code).
 * Values must not depend on the data model: gcc runs LP64 here, wasmformer is ILP32.
 */
#ifndef TEST_H
#define TEST_H

#include <stdio.h>
#include <stdlib.h>

static int assertions;

#define ASSERT(expected, expr)                                                             \
  do {                                                                                     \
    int expected_ = (expected);                                                            \
    int actual_ = (expr);                                                                  \
    assertions++;                                                                          \
    if (expected_ != actual_) {                                                            \
      printf("line %d: %s => %d, expected %d\n", __LINE__, #expr, actual_, expected_);     \
      exit(1);                                                                             \
    }                                                                                      \
  } while (0)

#define ASSERT64(expected, expr)                                                           \
  do {                                                                                     \
    long long expected_ = (expected);                                                      \
    long long actual_ = (expr);                                                            \
    assertions++;                                                                          \
    if (expected_ != actual_) {                                                            \
      printf("line %d: %s => %lld, expected %lld\n", __LINE__, #expr, actual_, expected_); \
      exit(1);                                                                             \
    }                                                                                      \
  } while (0)

#define DONE() (printf("OK %d\n", assertions), 0)

#endif
