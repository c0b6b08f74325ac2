#ifndef _UNISTD_H
#define _UNISTD_H

/*
 * POSIX's <unistd.h> for a run that has three descriptors (0: the input, 1: stdout, 2: stderr,
 * all pipes), no file system, no clock and no other process (see unistd.c). The functions a
 * run cannot have are declared, so that a program that only includes this header compiles;
 * one that calls them gets the linker's "undefined reference" naming the reason.
 */
#include <stddef.h>

/* the types glibc's <unistd.h> gives (the same declarations as <sys/types.h>'s) */
typedef long ssize_t;
typedef long long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int useconds_t;
typedef long intptr_t;

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* access's modes and lseek's origins, as glibc's */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* no _POSIX_VERSION: a run lacks most of POSIX, so code choosing by it takes its portable path */

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int isatty(int fd);
int access(const char *path, int mode);
pid_t getpid(void);
pid_t getppid(void);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
_Noreturn void _exit(int status);

/* getopt: the short options (<getopt.h> adds the long ones) */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

/* not in the libc: a run has no file system, no users and no other process */
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int link(const char *from, const char *to);
int symlink(const char *from, const char *to);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
int ftruncate(int fd, off_t length);
int truncate(const char *path, off_t length);
int fsync(int fd);
int chown(const char *path, uid_t owner, gid_t group);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
pid_t fork(void);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
pid_t setsid(void);
int gethostname(char *name, size_t size);
char *getlogin(void);
unsigned int alarm(unsigned int seconds);
int pause(void);

/* sysconf (unistd.c): glibc's names; the values a run has (the page is WebAssembly's) */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES 85
long sysconf(int name);
int getpagesize(void);

#endif
