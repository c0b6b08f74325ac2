// WASI without wasi-libc: fd_write to stdout and stderr, then proc_exit, declared by hand.
#ifdef __wasm__
typedef struct { const char *buf; unsigned long len; } ciovec;
__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int fd_write(int fd, const ciovec *iovs, unsigned long count, unsigned long *written);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_exit")))
_Noreturn void proc_exit(int status);

static unsigned long say(int fd, const char *a, const char *b) {
  ciovec iovs[2] = {{a, 0}, {b, 0}};
  while (a[iovs[0].len]) iovs[0].len++;
  while (b[iovs[1].len]) iovs[1].len++;
  unsigned long written = 0;
  return fd_write(fd, iovs, 2, &written) == 0 ? written : 1000;
}

__attribute__((export_name("_start"))) void start(void) {
  unsigned long n = say(1, "out: ", "two iovecs\n");
  n += say(2, "err: ", "to fd 2\n");
  n += say(7, "bad fd", "\n");  // EBADF: 1000
  proc_exit((int) (n % 256));
}
#else
#include <stdio.h>
#include <stdlib.h>
int main(void) {
  unsigned long n = 0;
  n += (unsigned long) printf("out: two iovecs\n");
  fflush(stdout);
  n += (unsigned long) fprintf(stderr, "err: to fd 2\n");
  n += 1000;
  exit((int) (n % 256));
}
#endif
