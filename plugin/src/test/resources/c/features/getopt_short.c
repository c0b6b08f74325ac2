// getopt as glibc's: argv permuted (options first, operands after, each in order), clusters,
// attached and separate arguments, optional arguments, "--", its messages on stderr, and the
// orders '+' and '-' and the quiet ':' on arrays of its own, scanned again after optind = 0.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void scan(int argc, char **argv, const char *optstring) {
  int c;
  printf("optstring \"%s\"\n", optstring);
  while ((c = getopt(argc, argv, optstring)) != -1) {
    if (c == 1) {
      printf("  operand in order: %s\n", optarg);
    } else if (c == '?' || c == ':') {
      printf("  '%c' optopt '%c' optind %d\n", c, optopt, optind);
    } else {
      printf("  -%c optarg %s optind %d\n", c, optarg ? optarg : "(null)", optind);
    }
  }
  printf("  end optind %d:", optind);
  for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  argv[0] = "prog"; // the messages name argv[0]
  printf("defaults: optind %d opterr %d optopt %d\n", optind, opterr, optopt);
  scan(argc, argv, "abo:c::v");

  char *a1[] = {"tool", "file1", "-a", "-", "-b", "--", "-c", "file2", NULL};
  optind = 0;
  scan(8, a1, "abc");

  char *a2[] = {"tool", "-a", "op", "-b", "-o", NULL};
  optind = 0;
  scan(5, a2, "+abo:");
  optind = 0;
  scan(5, a2, "-abo:");
  optind = 0;
  scan(5, a2, ":abo:");
  optind = 0;
  opterr = 0;
  scan(5, a2, "a:o:");
  opterr = 1;

  char *a3[] = {"tool", "-xay", "-:", "-;", "-c", NULL};
  optind = 0;
  scan(5, a3, "a;c:");
  return 0;
}
