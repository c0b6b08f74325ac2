/*
 * Min-cost bipartite matching (the assignment problem) by the Hungarian algorithm.
 *
 * Workers are added one at a time. Each addition grows a tree of alternating paths from
 * the new worker, Dijkstra-style, over reduced costs cost[w][j] - u[w] - v[j], which the
 * potentials u (workers) and v (jobs) keep non-negative; when the tree reaches a free job,
 * the assignments along the path shift by one and the matching has grown. O(n^3) in all.
 *
 * At the end the potentials prove the result optimal: every reduced cost is >= 0, and
 * those of the chosen pairs are 0, so no assignment can cost less than sum(u) + sum(v).
 */
#include <stdio.h>

#define N 7
#define INFINITE 1000000000

struct problem {
  const char *worker[N];
  const char *job[N];
  int cost[N][N];  /* cost[w][j]: minutes worker w needs for job j */
};

struct solution {
  int job_of[N];  /* the job assigned to each worker */
  int total;
  int u[N], v[N]; /* the final potentials: the proof of optimality */
};

static const struct problem TEAM = {
    {"Ana", "Bo", "Chen", "Dana", "Eli", "Fay", "Gus"},
    {"paint", "wire", "plumb", "tile", "roof", "floor", "glaze"},
    {
        {32, 45, 68, 29, 55, 58, 83},
        {26, 85, 29, 94, 58, 76, 34},
        {28, 90, 64, 58, 54, 40, 53},
        {33, 49, 68, 9, 45, 91, 92},
        {35, 77, 62, 57, 13, 59, 70},
        {18, 42, 17, 48, 63, 32, 48},
        {35, 69, 7, 94, 7, 58, 85},
    },
};

/*
 * Jobs are numbered 1..N here; column 0 is a virtual job that holds the worker being
 * added, so that the augmenting path always starts from a job.
 */
static void assign(const struct problem *p, struct solution *out) {
  int u[N + 1], v[N + 1];  /* potentials of workers 1..N and jobs 0..N */
  int owner[N + 1];        /* owner[j]: the worker (1..N) holding job j, 0 if free */
  int previous[N + 1];     /* previous[j]: the job before j on the path to it */
  int slack[N + 1];        /* slack[j]: least reduced cost of an edge into job j */
  int in_tree[N + 1];

  for (int j = 0; j <= N; j++) u[j] = v[j] = owner[j] = 0;

  for (int w = 1; w <= N; w++) {
    owner[0] = w;
    int j0 = 0;
    for (int j = 0; j <= N; j++) {
      slack[j] = INFINITE;
      in_tree[j] = 0;
    }
    /* Grow the tree until it reaches a free job. */
    while (owner[j0] != 0) {
      in_tree[j0] = 1;
      int from = owner[j0], delta = INFINITE, next = 0;
      for (int j = 1; j <= N; j++) {
        if (in_tree[j]) continue;
        int reduced = p->cost[from - 1][j - 1] - u[from] - v[j];
        if (reduced < slack[j]) {
          slack[j] = reduced;
          previous[j] = j0;
        }
        if (slack[j] < delta) {
          delta = slack[j];
          next = j;
        }
      }
      /* Lower the cheapest edge out of the tree to zero, keeping tree edges tight. */
      for (int j = 0; j <= N; j++) {
        if (in_tree[j]) {
          u[owner[j]] += delta;
          v[j] -= delta;
        } else {
          slack[j] -= delta;
        }
      }
      j0 = next;
    }
    /* Shift the assignments along the path back to the virtual job. */
    while (j0 != 0) {
      int before = previous[j0];
      owner[j0] = owner[before];
      j0 = before;
    }
  }

  out->total = 0;
  for (int j = 1; j <= N; j++) {
    int w = owner[j] - 1;
    out->job_of[w] = j - 1;
    out->total += p->cost[w][j - 1];
  }
  for (int w = 0; w < N; w++) out->u[w] = u[w + 1];
  for (int j = 0; j < N; j++) out->v[j] = v[j + 1];
}

/* Checks the certificate: returns the dual bound, or -1 if the potentials are not feasible. */
static int dual_bound(const struct problem *p, const struct solution *s) {
  int bound = 0;
  for (int w = 0; w < N; w++) {
    for (int j = 0; j < N; j++) {
      int reduced = p->cost[w][j] - s->u[w] - s->v[j];
      if (reduced < 0 || (j == s->job_of[w] && reduced != 0)) return -1;
    }
    bound += s->u[w] + s->v[w];
  }
  return bound;
}

int main(void) {
  const struct problem *p = &TEAM;
  struct solution s;

  printf("%6s", "");
  for (int j = 0; j < N; j++) printf("%6s", p->job[j]);
  putchar('\n');
  for (int w = 0; w < N; w++) {
    printf("%6s", p->worker[w]);
    for (int j = 0; j < N; j++) printf("%6d", p->cost[w][j]);
    putchar('\n');
  }

  assign(p, &s);

  printf("\nassignment:\n");
  for (int w = 0; w < N; w++) {
    printf("  %-5s -> %-5s %3d min\n", p->worker[w], p->job[s.job_of[w]], p->cost[w][s.job_of[w]]);
  }
  int bound = dual_bound(p, &s);
  printf("total %d min; lower bound from the potentials %d: %s\n", s.total, bound,
         bound == s.total ? "optimal" : "NOT PROVEN");
  return bound == s.total ? 0 : 1;
}
