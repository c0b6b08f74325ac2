#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

/*
 * POSIX's system types with wasm32's sizes (ILP32): ssize_t is a long, 32 bits as size_t, where
 * x86-64 glibc's is 64. The file and time types that must count past 2^31 are 64 bits as on
 * x86-64 glibc and wasi-libc: off_t, blkcnt_t, ino_t, dev_t, nlink_t, time_t, suseconds_t.
 */
#include <stddef.h>

typedef long ssize_t; /* the same declaration as <stdio.h>'s */
typedef long long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef unsigned long long dev_t;
typedef unsigned long long ino_t;
typedef unsigned long long nlink_t;
typedef long blksize_t;
typedef long long blkcnt_t;
typedef long long time_t; /* the same declaration as <time.h>'s */
typedef long clock_t;     /* the same declaration as <time.h>'s */
typedef long long suseconds_t;
typedef unsigned int useconds_t;
typedef int key_t;
typedef int clockid_t;

/* BSD's and System V's short names, as glibc's <sys/types.h> gives them */
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long long int64_t;
typedef unsigned char u_int8_t;
typedef unsigned short u_int16_t;
typedef unsigned int u_int32_t;
typedef unsigned long long u_int64_t;
typedef char *caddr_t;

#endif
