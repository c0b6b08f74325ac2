#ifndef _ERRNO_H
#define _ERRNO_H

extern int errno;

#define ENOENT 2
#define EBADF 9
#define ESPIPE 29
#define EDOM 33
#define ERANGE 34
#define EILSEQ 84
#define EINVAL 22
#define ENOMEM 12
#define EOVERFLOW 75

#endif
