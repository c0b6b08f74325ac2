#ifndef _SIGNAL_H
#define _SIGNAL_H

/* Signals: a run receives none from outside, so only raise() (and the unblocking of a pending
   signal) delivers them (see signal.c). The numbers, flags and names are Linux's and glibc's;
   the layouts are our own. */
typedef int sig_atomic_t;

/* SIG_IGN is a handler that does nothing: a function pointer is an index into the function
   table, where 1 may be a program's function */
void __wasmformer_ignore_signal(int sig);
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN (&__wasmformer_ignore_signal)
#define SIG_ERR ((void (*)(int))-1)

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL 29
#define SIGPWR 30
#define SIGSYS 31
#define NSIG 65
/* glibc keeps 32 and 33 for itself: its real-time signals are 34 .. 64 */
#define SIGRTMIN 34
#define SIGRTMAX 64

typedef void (*sighandler_t)(int);

/* signal n is bit (n - 1) % 32 of word (n - 1) / 32 */
typedef struct {
  unsigned int __bits[2];
} sigset_t;

union sigval {
  int sival_int;
  void *sival_ptr;
};

/* 128 bytes, as glibc's; the fields a run can fill first */
typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
  union {
    int __pad[29];
    struct {
      int si_pid;
      unsigned si_uid;
      union sigval si_value;
    } __kill;
  } __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_value __fields.__kill.si_value
#define si_int __fields.__kill.si_value.sival_int
#define si_ptr __fields.__kill.si_value.sival_ptr

/* si_code: who sent the signal */
#define SI_USER 0
#define SI_QUEUE -1
#define SI_TKILL -6

struct sigaction {
  union {
    void (*sa_handler)(int);
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sigaction_handler;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_INTERRUPT 0x20000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND
#define SA_STACK SA_ONSTACK

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

void (*signal(int sig, void (*handler)(int)))(int);
int raise(int sig);
int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigpending(sigset_t *set);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *restrict set, int *restrict sig);
void psignal(int sig, const char *message);
typedef int pid_t; /* the same declaration as <sys/types.h>'s */
int kill(pid_t pid, int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);

#endif
