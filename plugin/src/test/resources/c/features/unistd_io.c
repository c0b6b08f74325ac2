// <unistd.h>'s descriptors: read and write on 0, 1 and 2 beside stdio (stdout flushed before a
// write, as a program must on glibc, whose stdout on a pipe is buffered), isatty, lseek, close
// and access as glibc's on pipes, and the process functions whose results do not vary.
// status: 3
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static void show(const char *what, long r) {
  printf("%s = %ld", what, r);
  if (r < 0) printf(" (%s)", strerror(errno));
  printf("\n");
}

int main(void) {
  printf("fds %d %d %d\n", STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO);
  fflush(stdout);
  show("write(1)", write(STDOUT_FILENO, "through write\n", 14));
  show("write(2)", write(STDERR_FILENO, "to stderr\n", 10));
  fprintf(stderr, "and fprintf\n");
  show("write(1, 0 bytes)", write(1, "", 0));

  char buf[64];
  ssize_t n = read(STDIN_FILENO, buf, 5);
  printf("read %ld: %.*s\n", (long)n, (int)n, buf);
  long total = 0;
  int lines = 0;
  while ((n = read(0, buf, sizeof buf)) > 0) {
    total += n;
    for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
  }
  show("read at the end", n);
  printf("rest: %ld bytes, %d lines\n", total, lines);

  errno = 0;
  show("write(0)", write(0, "x", 1));
  show("read(1)", read(1, buf, 1));
  show("write(42)", write(42, "x", 1));
  int fds[] = {0, 1, 2, 42};
  for (int i = 0; i < 4; i++) {
    int fd = fds[i];
    errno = 0;
    int t = isatty(fd);
    printf("isatty(%d) = %d (%s)\n", fd, t, strerror(errno));
  }
  show("lseek(0)", (long)lseek(0, 0, SEEK_CUR));
  show("lseek(1)", (long)lseek(1, 10, SEEK_SET));
  show("lseek(42)", (long)lseek(42, 0, SEEK_END));
  show("access", access("/nonexistent/wasmformer/file", F_OK));
  show("access R_OK|W_OK", access("no-such-file.txt", R_OK | W_OK));
  printf("modes %d %d %d %d\n", F_OK, X_OK, W_OK, R_OK);

  printf("fileno %d %d %d, isatty(fileno(stdin)) %d\n", fileno(stdin), fileno(stdout), fileno(stderr),
         isatty(fileno(stdin)));

  show("close(0)", close(0));
  show("read after close", read(0, buf, 1));
  show("close(0) again", close(0));
  show("close(42)", close(42));

  pid_t pid = getpid();
  printf("pid positive %d, stable %d, not its parent %d\n", pid > 0, pid == getpid(), pid != getppid());
  unsigned slept = sleep(0);
  printf("sleep(0) = %u, usleep(0) = %d\n", slept, usleep(0));
  printf("sizes: pid_t %zu, uid_t %zu, gid_t %zu, mode_t %zu, off_t %zu\n", sizeof(pid_t), sizeof(uid_t),
         sizeof(gid_t), sizeof(mode_t), sizeof(off_t));
  fflush(stdout);
  _exit(3);
  printf("not reached\n");
  return 0;
}
