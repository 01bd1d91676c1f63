/* PLACEHOLDER */
#include "cwa-test-cert.h"
