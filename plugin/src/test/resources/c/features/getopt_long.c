// getopt_long and getopt_long_only as glibc's: exact names and abbreviations, ambiguous ones
// (listed in its message), "=value" and separate arguments, optional arguments, flags, the
// index, -W name, and each of glibc's messages on stderr.
#include <getopt.h>
#include <stdio.h>

static int verbose;

static const struct option options[] = {
    {"verbose", no_argument, &verbose, 7},
    {"version", no_argument, NULL, 'V'},
    {"output", required_argument, NULL, 'o'},
    {"color", optional_argument, NULL, 'C'},
    {"colour", optional_argument, NULL, 'C'},
    {"count", required_argument, NULL, 'n'},
    {"all", no_argument, NULL, 'a'},
    {NULL, 0, NULL, 0},
};

static void scan(int argc, char **argv, const char *optstring, int only) {
  int c, index;
  printf("%s \"%s\"\n", only ? "getopt_long_only" : "getopt_long", optstring);
  for (;;) {
    index = -1;
    c = only ? getopt_long_only(argc, argv, optstring, options, &index)
             : getopt_long(argc, argv, optstring, options, &index);
    if (c == -1) break;
    if (c == 0) {
      printf("  flag set: verbose %d index %d optind %d\n", verbose, index, optind);
    } else if (c == '?' || c == ':') {
      printf("  '%c' optopt %d optind %d\n", c, optopt, optind);
    } else {
      printf("  '%c' index %d optarg %s optind %d\n", c, index, optarg ? optarg : "(null)", optind);
    }
  }
  printf("  end optind %d:", optind);
  for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  argv[0] = "prog";
  scan(argc, argv, "ao:n:", 0);

  char *a1[] = {"tool", "--ver", "--vers", "--verb", "--col", "--co", "--c=x", "--out", "x", "--", "--all", NULL};
  optind = 0;
  scan(11, a1, "", 0);

  char *a2[] = {"tool", "-all", "-a", "-out=f", "-o", "g", "-x", "-verbose", "-col", "--version", "-q", NULL};
  optind = 0;
  scan(11, a2, "ao:", 1);

  char *a3[] = {"tool", "-W", "output=w", "-Wall", "-Wnope", "op", "-W", NULL};
  optind = 0;
  scan(7, a3, "W;", 0);

  char *a4[] = {"tool", "--output", "--all=1", "--count", NULL};
  optind = 0;
  scan(4, a4, ":", 0);
  return 0;
}
