#ifndef _TIME_H
#define _TIME_H

/*
 * A program on the transformer has no clock: a run is a pure function of its program,
 * arguments and input. time() and clock() say so as C lets them, with (time_t)-1 and
 * (clock_t)-1, so that a program seeding rand with time(NULL) compiles and runs the same on
 * every run.
 */
#include <stddef.h>

#define CLOCKS_PER_SEC 1000000L

typedef long time_t;
typedef long clock_t;

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t end, time_t start);

#endif
