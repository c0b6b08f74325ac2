/*
 * <unistd.h>, <sys/time.h>, <sys/stat.h> and <fcntl.h> for a run: three descriptors, all pipes
 * (0 the input, 1 stdout, 2 stderr), no file system, no clock, no other process.
 *
 * read and write go to the same imports as stdio, byte by byte, and bypass the streams as
 * glibc's do: stdout is unbuffered here, so a printf shows before a later write(1, ...), where
 * glibc's stdout on a pipe keeps printf's bytes until it is flushed (a program mixing the two
 * flushes stdout first, as it must on glibc); read(0, ...) does not see a character that
 * ungetc pushed back, as glibc's does not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int __wasmformer_getchar(void) __attribute__((import_module("env"), import_name("getchar")));
int __wasmformer_putchar_err(int c) __attribute__((import_module("env"), import_name("putchar_err")));

/* bit fd set: descriptor fd (0, 1 or 2) was closed */
static int closed;

static int is_open(int fd) {
  return fd >= 0 && fd <= 2 && !(closed >> fd & 1);
}

/* Reads until count bytes or the end of the input: a pipe whose writer wrote it all at once. */
ssize_t read(int fd, void *buf, size_t count) {
  if (fd != 0 || !is_open(fd)) {
    errno = EBADF;
    return -1;
  }
  unsigned char *p = buf;
  size_t n = 0;
  while (n < count) {
    int c = __wasmformer_getchar();
    if (c < 0) break;
    p[n++] = (unsigned char)c;
  }
  return (ssize_t)n;
}

ssize_t write(int fd, const void *buf, size_t count) {
  if (fd == 0 || !is_open(fd)) {
    errno = EBADF;
    return -1;
  }
  const unsigned char *p = buf;
  for (size_t i = 0; i < count; i++) {
    if (fd == 2) {
      __wasmformer_putchar_err(p[i]);
    } else {
      putchar(p[i]);
    }
  }
  return (ssize_t)count;
}

/* stdio's streams are the three descriptors (any other pointer: -1, EBADF) */
int fileno(FILE *stream) {
  if (stream == stdin) return 0;
  if (stream == stdout) return 1;
  if (stream == stderr) return 2;
  errno = EBADF;
  return -1;
}

/* Closes the descriptor for read, write, lseek and isatty; stdio's streams keep writing. */
int close(int fd) {
  if (!is_open(fd)) {
    errno = EBADF;
    return -1;
  }
  closed |= 1 << fd;
  return 0;
}

off_t lseek(int fd, off_t offset, int whence) {
  (void)offset;
  (void)whence;
  errno = is_open(fd) ? ESPIPE : EBADF;
  return -1;
}

/* A run has no terminal: glibc's isatty on a pipe. */
int isatty(int fd) {
  errno = is_open(fd) ? ENOTTY : EBADF;
  return 0;
}

int access(const char *path, int mode) {
  (void)path;
  (void)mode;
  errno = ENOENT;
  return -1;
}

int stat(const char *restrict path, struct stat *restrict buf) {
  (void)path;
  (void)buf;
  errno = ENOENT;
  return -1;
}

int lstat(const char *restrict path, struct stat *restrict buf) {
  return stat(path, buf);
}

int open(const char *path, int flags, ...) {
  (void)path;
  (void)flags;
  errno = ENOENT;
  return -1;
}

/* The run is the only process, as the first one of a container: pid 1, whose parent is 0. */
pid_t getpid(void) {
  return 1;
}

pid_t getppid(void) {
  return 0;
}

/* No clock: time() stays at (time_t)-1, so a sleep takes no time and is never interrupted. */
unsigned int sleep(unsigned int seconds) {
  (void)seconds;
  return 0;
}

int usleep(useconds_t usec) {
  (void)usec;
  return 0;
}

/*
 * The instant time() gives, (time_t)-1, and 0 microseconds. POSIX reserves no return value for
 * an error: 0, as glibc's always does.
 */
int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
  if (tv) {
    tv->tv_sec = (time_t)-1;
    tv->tv_usec = 0;
  }
  if (tz) {
    struct timezone *z = tz;
    z->tz_minuteswest = 0;
    z->tz_dsttime = 0;
  }
  return 0;
}

/* stdio has no buffers to leave unflushed: _exit is _Exit. */
void _exit(int status) {
  __wasmformer_exit(status);
}

/*
 * What a run has: one processor, WebAssembly's 64 KiB page (glibc on x86-64 says 4096), the
 * memory the program was compiled with in pages, the three standard streams; glibc's values
 * for the limits a run does not change; an unknown name is EINVAL.
 */
long sysconf(int name) {
  switch (name) {
    case _SC_ARG_MAX: return 2097152;
    case _SC_CHILD_MAX: return 0;
    case _SC_CLK_TCK: return 100;
    case _SC_NGROUPS_MAX: return 65536;
    case _SC_OPEN_MAX: return 3;
    case _SC_PAGESIZE: return 65536;
    case _SC_LINE_MAX: return 2048;
    case _SC_NPROCESSORS_CONF: case _SC_NPROCESSORS_ONLN: return 1;
    case _SC_PHYS_PAGES: return (long)(__wasmformer_memory_size() >> 16);
  }
  errno = EINVAL;
  return -1;
}

int getpagesize(void) {
  return 65536;
}
