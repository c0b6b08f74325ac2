/*
 * Word frequencies: reads text from stdin and prints the most frequent words.
 *
 * A word is a run of letters (an apostrophe inside one is kept: "don't"), compared
 * without case. Words go into a hash table with open addressing; then the entries are
 * sorted by count, most frequent first, ties in order of first appearance.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define TABLE_SIZE 512  /* slots of the hash table; the text may have fewer distinct words */
#define MAX_WORD 23     /* longer words are cut to this many letters */
#define SHOWN 10        /* how many of the most frequent words to print */

struct entry {
  char word[MAX_WORD + 1];  /* empty when the slot is free */
  int count;
  int first;                /* index of the word's first occurrence in the text */
};

static struct entry table[TABLE_SIZE];
static struct entry *by_count[TABLE_SIZE];
static int distinct;

static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

/* Counts one occurrence of word; returns 0 if the table is full. */
static int add(const char *word, int position) {
  unsigned slot = hash(word) % TABLE_SIZE;
  for (int probes = 0; probes < TABLE_SIZE; probes++) {
    struct entry *e = &table[slot];
    if (e->word[0] == '\0') {
      strcpy(e->word, word);
      e->first = position;
      by_count[distinct++] = e;
    }
    if (strcmp(e->word, word) == 0) {
      e->count++;
      return 1;
    }
    slot = (slot + 1) % TABLE_SIZE;
  }
  return 0;
}

static int comes_before(const struct entry *a, const struct entry *b) {
  return a->count > b->count || (a->count == b->count && a->first < b->first);
}

/* Insertion sort: the list is short, and the sort is stable without extra work. */
static void sort_by_count(void) {
  for (int i = 1; i < distinct; i++) {
    struct entry *e = by_count[i];
    int j = i;
    while (j > 0 && comes_before(e, by_count[j - 1])) {
      by_count[j] = by_count[j - 1];
      j--;
    }
    by_count[j] = e;
  }
}

/* Reads the next word into buf, lower-cased; returns its length, 0 at the end of the input. */
static int next_word(char *buf) {
  int c, n = 0;
  while ((c = getchar()) != EOF && !isalpha(c)) {}
  while (c != EOF && (isalpha(c) || c == '\'')) {
    if (n < MAX_WORD) buf[n++] = (char)tolower(c);
    c = getchar();
  }
  while (n > 0 && buf[n - 1] == '\'') n--;  /* a closing quote is not part of the word */
  buf[n] = '\0';
  return n;
}

int main(void) {
  char word[MAX_WORD + 1];
  int total = 0;
  while (next_word(word) > 0) {
    if (!add(word, total)) {
      printf("more than %d distinct words\n", TABLE_SIZE);
      return 1;
    }
    total++;
  }
  sort_by_count();

  printf("%d words, %d distinct\n", total, distinct);
  for (int i = 0; i < distinct && i < SHOWN; i++) {
    const struct entry *e = by_count[i];
    printf("%-12s %3d  ", e->word, e->count);
    for (int k = 0; k < e->count; k++) putchar('#');
    putchar('\n');
  }
  return 0;
}
