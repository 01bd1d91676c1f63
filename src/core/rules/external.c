/* PLACEHOLDER: replaced by the real implementation. */
typedef int cwa_placeholder_t;
