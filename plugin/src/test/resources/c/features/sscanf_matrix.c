/* swscanf_matrix.c through sscanf: every format of a few families on every input of a list */
#define MATRIX_NARROW
#include "swscanf_matrix.c"
