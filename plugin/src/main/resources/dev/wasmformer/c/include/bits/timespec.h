#ifndef _STRUCT_TIMESPEC
#define _STRUCT_TIMESPEC
/* <time.h>'s and <sys/stat.h>'s (time_t is declared alike by both, and by <sys/types.h>) */
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#endif
