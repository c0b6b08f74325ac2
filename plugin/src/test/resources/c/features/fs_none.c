// <sys/stat.h> and <fcntl.h>: Linux's mode bits and open flags; open and stat find no file, as
// fopen finds none in a run (glibc on a file that does not exist).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

int main(void) {
  errno = 0;
  int fd = open("/nonexistent/wasmformer/input.txt", O_RDONLY);
  printf("open = %d (%s)\n", fd, strerror(errno));
  errno = 0;
  fd = open("/nonexistent/wasmformer/new.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  printf("open O_CREAT = %d (%s)\n", fd, strerror(errno));
  struct stat st;
  errno = 0;
  int r = stat("/nonexistent/wasmformer", &st);
  printf("stat = %d (%s)\n", r, strerror(errno));
  errno = 0;
  r = lstat("/nonexistent/wasmformer", &st);
  printf("lstat = %d (%s)\n", r, strerror(errno));

  printf("O_ %o %o %o %o %o %o %o %o %o\n", O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
         O_NONBLOCK, O_ACCMODE);
#ifdef F_DUPFD // Linux's (wasi-libc has F_GETFD .. F_SETFL only)
  printf("F_ %d %d %d %d %d %d\n", F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, FD_CLOEXEC);
#endif
  printf("S_IF %o %o %o %o %o %o %o %o\n", S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK);
  printf("S_I %o %o %o %o %o\n", S_IRWXU, S_IRUSR | S_IWUSR, S_IRGRP | S_IROTH, S_IRWXG | S_IRWXO, S_ISUID | S_ISGID | S_ISVTX);
  mode_t modes[] = {S_IFREG | 0644, S_IFDIR | 0755, S_IFIFO, S_IFLNK | 0777, S_IFCHR, S_IFSOCK, S_IFBLK};
  for (int i = 0; i < 7; i++) {
    mode_t m = modes[i];
    printf("%06o reg %d dir %d fifo %d lnk %d chr %d sock %d blk %d\n", (unsigned)m, S_ISREG(m), S_ISDIR(m),
           S_ISFIFO(m), S_ISLNK(m), S_ISCHR(m), S_ISSOCK(m), S_ISBLK(m));
  }
  printf("AT_FDCWD %d\n", AT_FDCWD);
  return 0;
}
