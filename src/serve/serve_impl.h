/* serve_impl.h - the HTTP side of `fundsim serve`; private to src/serve. */
#ifndef FUNDSIM_SERVE_IMPL_H
#define FUNDSIM_SERVE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "serve.h"

#define SERVE_TOKEN_BYTES 24 /* 192 random bits, written as 48 hex digits */

struct serve_server;

/* Where and how to listen: addr is an IPv4 or IPv6 address in text
 * (127.0.0.1 unless --listen), port 0 for any free one. */
struct serve_listen {
	const char *addr;
	int port;
	const char *lang;  /* the page's first language, "en" or "zh" */
	const char *token; /* what every request must carry */
};

/* Whether addr can be listened on: one IPv4 or IPv6 address, not a
 * wildcard (0.0.0.0, ::), which the Host check could not name. 0, or -1
 * with err. */
int serve_listen_check(const char *addr, char *err, size_t errlen);

/* Start answering on l in threads of its own; b and x are borrowed until
 * serve_http_stop. NULL with err when the address cannot be bound. */
struct serve_server *serve_http_start(const struct serve_listen *l, const struct serve_base *b,
				      const struct serve_exports *x, char *err, size_t errlen);
/* The port bound (the one asked for, or the free one found for 0). */
int serve_http_port(const struct serve_server *s);
/* Stop answering (waits for requests under way) and free s; NULL is a no-op. */
void serve_http_stop(struct serve_server *s);

/* A token of SERVE_TOKEN_BYTES random bytes (getrandom(2)) as hex into
 * buf (at least 2 * SERVE_TOKEN_BYTES + 1 bytes). 0, or -1 with err. */
int serve_token(char *buf, char *err, size_t errlen);

#endif
