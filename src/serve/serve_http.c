/* serve_http.c - `fundsim serve` on the loopback with libmicrohttpd.
 *
 * Who may ask (checked before a body is read): a request must carry the
 * token printed at start, as notebook servers do: ?token= on the first
 * page load, which sets a cookie (HttpOnly, SameSite=Strict, named by
 * the port), then that cookie or the header "Authorization: token T".
 * Its Host must be this server as the browser reaches it (127.0.0.1,
 * localhost or [::1] with the port; the --listen address too), so that a
 * DNS-rebound name is refused; an Origin, when sent, must be the same;
 * a POST must say application/json (no cross-site form can). Bodies are
 * at most SERVE_BODY_MAX bytes. No path comes from a request: the page
 * names embedded files, exports go to the folder chosen at start.
 *
 * Answers run one at a time; a newer /api/run stops the one under way
 * (sim_config.stop) and that one answers 409. */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "commands.h"
#include "serve_impl.h"
#include "text.h"
#include "i18n.h"

#define MAX_HOSTS 8

struct serve_server {
	struct MHD_Daemon *d;
	const struct serve_base *base;
	const struct serve_exports *x;
	char token[2 * SERVE_TOKEN_BYTES + 1];
	char cookie[32]; /* "fundsim_PORT" */
	char lang[4];
	struct jbuf params;        /* /api/params, made once at start: the meanings'
			     * translation (L_) is for one thread only */
	char hosts[MAX_HOSTS][80]; /* Host values this server answers to */
	int nhosts, port;

	pthread_mutex_t lock; /* guards what follows */
	pthread_cond_t idle;
	unsigned long latest;        /* the newest /api/run's number */
	bool busy;                   /* an answer or an export runs */
	volatile sig_atomic_t *stop; /* the running answer's, or NULL */
	long done, total;            /* its progress */
};

/* One request's state across libmicrohttpd's calls. */
struct req {
	bool from_query; /* the token came as ?token= */
	char *body;
	size_t n;
	bool too_big;
};

int serve_token(char *buf, char *err, size_t errlen)
{
	unsigned char r[SERVE_TOKEN_BYTES];
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t k = getrandom(r + got, sizeof r - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			snprintf(err, errlen, _("cannot draw a random token: %s"), strerror(errno));
			return -1;
		}
		got += (size_t)k;
	}
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(buf + 2 * i, 3, "%02x", r[i]);
	return 0;
}

/* ---- replies ---- */

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned code, const char *type,
			     const void *data, size_t n, enum MHD_ResponseMemoryMode mode,
			     const char *cookie)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)data, mode);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'none'; script-src 'self'; style-src 'self' "
				"'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
				"frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	if (cookie)
		MHD_add_response_header(r, "Set-Cookie", cookie);
	enum MHD_Result ok = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ok;
}

/* {"error": msg, "key": key} with code. */
static enum MHD_Result reply_error(struct MHD_Connection *conn, unsigned code, const char *msg,
				   const char *key)
{
	struct jbuf b = {0};
	jb_put(&b, "{\"error\":");
	jb_str(&b, msg);
	if (key) {
		jb_put(&b, ",\"key\":");
		jb_str(&b, key);
	}
	jb_put(&b, "}\n");
	if (b.oom) {
		jb_free(&b);
		return MHD_NO;
	}
	return reply(conn, code, "application/json", b.p, b.n, MHD_RESPMEM_MUST_FREE, NULL);
}

/* 422: override bad of ov refused. "error" is --set's message (what the
 * command line would say), "reason" the same without its syntax, for the
 * page to show beside the control. */
static enum MHD_Result reply_refused(struct MHD_Connection *conn, const struct serve_server *s,
				     const struct serve_overrides *ov, int bad, const char *err)
{
	char why[ERR_LEN];
	serve_reason(s->base, ov, bad, err, why, sizeof why);
	struct jbuf b = {0};
	jb_put(&b, "{\"error\":");
	jb_str(&b, err);
	jb_put(&b, ",\"reason\":");
	jb_str(&b, why);
	if (bad >= 0) {
		jb_put(&b, ",\"key\":");
		jb_str(&b, ov->o[bad].key);
	}
	jb_put(&b, "}\n");
	if (b.oom) {
		jb_free(&b);
		return MHD_NO;
	}
	return reply(conn, MHD_HTTP_UNPROCESSABLE_CONTENT, "application/json", b.p, b.n,
		     MHD_RESPMEM_MUST_FREE, NULL);
}

static enum MHD_Result reply_json(struct MHD_Connection *conn, struct jbuf *b)
{
	if (b->oom) {
		jb_free(b);
		return reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, _("out of memory"), NULL);
	}
	jb_put(b, "\n");
	enum MHD_Result ok = reply(conn, MHD_HTTP_OK, "application/json", b->p, b->n,
				   MHD_RESPMEM_MUST_FREE, NULL);
	b->p = NULL; /* libmicrohttpd frees it */
	return ok;
}

/* ---- who may ask ---- */

/* Equal strings, in time that does not depend on where they differ. */
static bool same_secret(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char diff = na != nb;
	for (size_t i = 0; i < na && i < nb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

static const char *header(struct MHD_Connection *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

static bool host_ok(const struct serve_server *s, const char *host)
{
	for (int i = 0; host && i < s->nhosts; i++)
		if (strcasecmp(host, s->hosts[i]) == 0)
			return true;
	return false;
}

/* The token the request carries: query, header or cookie (*from_query). */
static bool has_token(const struct serve_server *s, struct MHD_Connection *conn, bool *from_query)
{
	const char *q = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "token");
	const char *auth = header(conn, "Authorization");
	const char *cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, s->cookie);
	*from_query = q && same_secret(q, s->token);
	return *from_query ||
	       (auth && strncasecmp(auth, "token ", 6) == 0 && same_secret(auth + 6, s->token)) ||
	       (cookie && same_secret(cookie, s->token));
}

/* Why this request is refused (its status in *code), or NULL. */
static const char *refused(const struct serve_server *s, struct MHD_Connection *conn,
			   const char *method, bool *from_query, unsigned *code)
{
	*code = MHD_HTTP_FORBIDDEN;
	const char *host = header(conn, "Host"), *origin = header(conn, "Origin");
	if (!host_ok(s, host))
		return _("a foreign Host: open the address fundsim serve printed");
	if (origin) {
		bool ok = strncmp(origin, "http://", 7) == 0 && host_ok(s, origin + 7);
		if (!ok)
			return _("a foreign Origin");
	}
	if (!has_token(s, conn, from_query))
		return _(
			"no valid token: open the address fundsim serve printed, with its ?token=");
	*code = MHD_HTTP_METHOD_NOT_ALLOWED;
	if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0)
		return _("only GET and POST");
	if (strcmp(method, "POST") == 0) {
		const char *type = header(conn, "Content-Type");
		*code = MHD_HTTP_UNSUPPORTED_MEDIA_TYPE;
		if (!type || strncasecmp(type, "application/json", 16) != 0 ||
		    (type[16] && type[16] != ';'))
			return _("a POST sends application/json");
		const char *len = header(conn, "Content-Length");
		*code = MHD_HTTP_CONTENT_TOO_LARGE;
		if (len && (strlen(len) > 9 || atol(len) > SERVE_BODY_MAX))
			return _("the body is larger than 64 KiB");
	}
	return NULL;
}

/* ---- answers ---- */

static void on_progress(void *ctx, long done, long total)
{
	struct serve_server *s = ctx;
	pthread_mutex_lock(&s->lock);
	s->done = done;
	s->total = total;
	pthread_mutex_unlock(&s->lock);
}

/* Wait until nothing runs (a run: stop what does, unless a newer one
 * came), then mark busy. false: a newer run took over. Under s->lock. */
static bool take_turn(struct serve_server *s, unsigned long me, bool is_run)
{
	if (is_run && s->busy && s->stop)
		*s->stop = 1;
	while (s->busy && (!is_run || me == s->latest))
		pthread_cond_wait(&s->idle, &s->lock);
	if (is_run && me != s->latest)
		return false;
	s->busy = true;
	return true;
}

static void end_turn(struct serve_server *s)
{
	pthread_mutex_lock(&s->lock);
	s->busy = false;
	s->stop = NULL;
	pthread_cond_broadcast(&s->idle);
	pthread_mutex_unlock(&s->lock);
}

/* The overrides of a body, checked as --set checks them; else the reply
 * is queued and false returned. */
static bool read_overrides(struct MHD_Connection *conn, const struct serve_server *s,
			   const struct req *rq, struct serve_overrides *ov, enum MHD_Result *ret)
{
	char err[ERR_LEN];
	int bad = -1;
	if (serve_json_overrides(rq->body ? rq->body : "", rq->n, ov, err, sizeof err) != 0) {
		*ret = reply_error(conn, MHD_HTTP_BAD_REQUEST, err, NULL);
		return false;
	}
	struct scenario *v = malloc(sizeof *v);
	enum serve_status st = v ? serve_variant(s->base, ov, v, err, sizeof err, &bad)
				 : SERVE_FAILED;
	free(v);
	if (st == SERVE_OK)
		return true;
	if (!v)
		*ret = reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, _("out of memory"), NULL);
	else
		*ret = reply_refused(conn, s, ov, bad, err);
	return false;
}

static enum MHD_Result api_run(struct serve_server *s, struct MHD_Connection *conn,
			       const struct req *rq)
{
	struct serve_overrides *ov = malloc(sizeof *ov);
	enum MHD_Result ret;
	if (!ov)
		return reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, _("out of memory"), NULL);
	if (!read_overrides(conn, s, rq, ov, &ret)) {
		free(ov);
		return ret;
	}
	volatile sig_atomic_t stop = 0;
	pthread_mutex_lock(&s->lock);
	unsigned long me = ++s->latest;
	bool mine = take_turn(s, me, true);
	if (mine) {
		s->stop = &stop;
		s->done = 0;
		s->total = s->base->cfg.reps;
	}
	pthread_mutex_unlock(&s->lock);
	if (!mine) {
		free(ov);
		return reply_error(conn, MHD_HTTP_CONFLICT,
				   _("cancelled: a newer request took over"), NULL);
	}
	struct serve_result r;
	char err[ERR_LEN];
	int bad = -1;
	enum serve_status st = serve_evaluate(s->base, ov, on_progress, s, &stop, &r, err,
					      sizeof err, &bad);
	end_turn(s);
	switch (st) {
	case SERVE_OK: {
		struct jbuf b = {0};
		serve_json_result(&b, s->base, &r);
		serve_result_free(&r);
		free(ov);
		return reply_json(conn, &b);
	}
	case SERVE_STOPPED:
		ret = reply_error(conn, MHD_HTTP_CONFLICT,
				  _("cancelled: a newer request took over"), NULL);
		break;
	case SERVE_INVALID:
		ret = reply_refused(conn, s, ov, bad, err);
		break;
	default:
		say("serve", "%s", err);
		ret = reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, err, NULL);
	}
	free(ov);
	return ret;
}

static enum MHD_Result api_export(struct serve_server *s, struct MHD_Connection *conn,
				  const struct req *rq)
{
	const char *kind = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "kind");
	enum serve_export_kind k;
	if (kind && strcmp(kind, "ini") == 0)
		k = SERVE_EXPORT_INI;
	else if (kind && strcmp(kind, "run") == 0)
		k = SERVE_EXPORT_RUN;
	else if (kind && strcmp(kind, "report") == 0)
		k = SERVE_EXPORT_REPORT;
	else
		return reply_error(conn, MHD_HTTP_BAD_REQUEST,
				   _("kind: expected ini, run or report"), NULL);
	struct serve_overrides *ov = malloc(sizeof *ov);
	enum MHD_Result ret;
	if (!ov)
		return reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, _("out of memory"), NULL);
	if (!read_overrides(conn, s, rq, ov, &ret)) {
		free(ov);
		return ret;
	}
	pthread_mutex_lock(&s->lock);
	take_turn(s, 0, false);
	pthread_mutex_unlock(&s->lock);
	char where[4200], files[200], err[ERR_LEN];
	int rc = serve_export(s->x, s->base, ov, k, where, sizeof where, files, sizeof files, err,
			      sizeof err);
	end_turn(s);
	free(ov);
	if (rc > 0) /* not a fault: what this server was started with rules it out */
		return reply_error(conn, MHD_HTTP_CONFLICT, err, NULL);
	if (rc != 0) {
		say("serve", _("export: %s"), err);
		return reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, err, NULL);
	}
	struct jbuf b = {0};
	jb_put(&b, "{\"ok\":true,\"dir\":");
	jb_str(&b, where);
	jb_put(&b, ",\"files\":");
	jb_str(&b, files);
	jb_put(&b, "}");
	return reply_json(conn, &b);
}

static enum MHD_Result api_progress(struct serve_server *s, struct MHD_Connection *conn)
{
	struct jbuf b = {0};
	pthread_mutex_lock(&s->lock);
	jb_put(&b, "{\"running\":%s,\"done\":%ld,\"total\":%ld}", s->busy ? "true" : "false",
	       s->done, s->total);
	pthread_mutex_unlock(&s->lock);
	return reply_json(conn, &b);
}

static enum MHD_Result asset(struct MHD_Connection *conn, const char *name, const char *type)
{
	size_t n;
	const unsigned char *p = serve_asset(name, &n);
	if (!p)
		return reply_error(conn, MHD_HTTP_NOT_FOUND, _("not found"), NULL);
	return reply(conn, MHD_HTTP_OK, type, p, n, MHD_RESPMEM_PERSISTENT, NULL);
}

static enum MHD_Result route(struct serve_server *s, struct MHD_Connection *conn, const char *url,
			     const char *method, const struct req *rq, bool from_query)
{
	bool get = strcmp(method, "GET") == 0;
	if (get && strcmp(url, "/") == 0 && from_query) {
		/* the first load: the token becomes a cookie, and leaves the address bar */
		char cookie[256];
		snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict",
			 s->cookie, s->token);
		struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"",
									 MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		MHD_add_response_header(r, "Location", "/");
		MHD_add_response_header(r, "Set-Cookie", cookie);
		MHD_add_response_header(r, "Cache-Control", "no-store");
		MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
		enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_SEE_OTHER, r);
		MHD_destroy_response(r);
		return ok;
	}
	if (get && strcmp(url, "/") == 0)
		return asset(conn, "page.html", "text/html; charset=utf-8");
	if (get && strcmp(url, "/page.js") == 0)
		return asset(conn, "page.js", "text/javascript; charset=utf-8");
	if (get && strcmp(url, "/page.css") == 0)
		return asset(conn, "page.css", "text/css; charset=utf-8");
	if (get && strcmp(url, "/echarts.min.js") == 0)
		return asset(conn, "echarts.min.js", "text/javascript; charset=utf-8");
	if (get && strcmp(url, "/api/params") == 0)
		return reply(conn, MHD_HTTP_OK, "application/json", s->params.p, s->params.n,
			     MHD_RESPMEM_PERSISTENT, NULL);
	if (get && strcmp(url, "/api/progress") == 0)
		return api_progress(s, conn);
	if (!get && strcmp(url, "/api/run") == 0)
		return api_run(s, conn, rq);
	if (!get && strcmp(url, "/api/export") == 0)
		return api_export(s, conn, rq);
	return reply_error(conn, MHD_HTTP_NOT_FOUND, _("not found"), NULL);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *upload,
			      size_t *upload_size, void **state)
{
	(void)version;
	struct serve_server *s = cls;
	struct req *rq = *state;
	unsigned code;
	if (!rq) { /* the headers are in, the body not yet read */
		if (!(rq = calloc(1, sizeof *rq)))
			return MHD_NO;
		*state = rq;
		const char *why = refused(s, conn, method, &rq->from_query, &code);
		if (why) {
			char shown[200];
			say("serve", _("refused %s %s: %s"), method,
			    text_shown(url, shown, sizeof shown), why);
			return reply_error(conn, code, why, NULL);
		}
		return MHD_YES;
	}
	if (*upload_size) { /* a part of the body: kept while within bounds */
		if (!rq->too_big && rq->n + *upload_size > SERVE_BODY_MAX)
			rq->too_big = true;
		if (!rq->too_big) {
			char *nb = realloc(rq->body, rq->n + *upload_size + 1);
			if (!nb)
				return MHD_NO;
			memcpy(nb + rq->n, upload, *upload_size);
			rq->body = nb;
			rq->n += *upload_size;
			rq->body[rq->n] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->too_big)
		return reply_error(conn, MHD_HTTP_CONTENT_TOO_LARGE,
				   _("the body is larger than 64 KiB"), NULL);
	return route(s, conn, url, method, rq, rq->from_query);
}

static void completed(void *cls, struct MHD_Connection *conn, void **state,
		      enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	struct req *rq = *state;
	if (rq) {
		free(rq->body);
		free(rq);
		*state = NULL;
	}
}

static void add_host(struct serve_server *s, const char *name, bool v6)
{
	if (s->nhosts == MAX_HOSTS)
		return;
	snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], v6 ? "[%s]:%d" : "%s:%d", name,
		 s->port);
	if (s->port == 80 && s->nhosts < MAX_HOSTS) /* the browser leaves :80 out */
		snprintf(s->hosts[s->nhosts++], sizeof s->hosts[0], v6 ? "[%s]" : "%s", name);
}

/* addr into a4 or a6 (*v6 says which); -1 with err when it is no address. */
static int parse_addr(const char *addr, struct sockaddr_in *a4, struct sockaddr_in6 *a6, bool *v6,
		      char *err, size_t errlen)
{
	*v6 = strchr(addr, ':') != NULL;
	if (*v6 ? inet_pton(AF_INET6, addr, &a6->sin6_addr) != 1
		: inet_pton(AF_INET, addr, &a4->sin_addr) != 1) {
		snprintf(err, errlen, _("--listen %s: not an IPv4 or IPv6 address"), addr);
		return -1;
	}
	return 0;
}

int serve_listen_check(const char *addr, char *err, size_t errlen)
{
	struct sockaddr_in a4 = {0};
	struct sockaddr_in6 a6 = {0};
	bool v6;
	if (parse_addr(addr, &a4, &a6, &v6, err, errlen) != 0)
		return -1;
	/* every interface: requests name the server by an address it cannot know */
	if (v6 ? IN6_IS_ADDR_UNSPECIFIED(&a6.sin6_addr) : a4.sin_addr.s_addr == htonl(INADDR_ANY)) {
		snprintf(err, errlen,
			 _("--listen %s: a wildcard address, every interface of this machine; give "
			   "the one address others will type (such as 192.168.1.20): the server "
			   "answers only requests addressed to it (DNS rebinding)"),
			 addr);
		return -1;
	}
	return 0;
}

struct serve_server *serve_http_start(const struct serve_listen *l, const struct serve_base *b,
				      const struct serve_exports *x, char *err, size_t errlen)
{
	struct sockaddr_in a4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)l->port)};
	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)l->port)};
	bool v6;
	if (parse_addr(l->addr, &a4, &a6, &v6, err, errlen) != 0)
		return NULL;
	struct serve_server *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, _("out of memory"));
		return NULL;
	}
	s->base = b;
	s->x = x;
	snprintf(s->token, sizeof s->token, "%s", l->token);
	snprintf(s->lang, sizeof s->lang, "%s", l->lang);
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->idle, NULL);
	serve_json_params(&s->params, b, s->lang);
	jb_put(&s->params, "\n");
	if (s->params.oom) {
		snprintf(err, errlen, _("out of memory"));
		serve_http_stop(s);
		return NULL;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
			 (v6 ? MHD_USE_IPv6 : 0);
	s->d = MHD_start_daemon(flags, (uint16_t)l->port, NULL, NULL, handle, s,
				MHD_OPTION_SOCK_ADDR,
				v6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4,
				MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)32,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
				MHD_OPTION_END);
	if (!s->d) {
		snprintf(err, errlen,
			 _("cannot listen on %s port %d (in use, or not this machine's)"), l->addr,
			 l->port);
		serve_http_stop(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : l->port;
	snprintf(s->cookie, sizeof s->cookie, "fundsim_%d", s->port);
	add_host(s, "127.0.0.1", false);
	add_host(s, "localhost", false);
	add_host(s, "::1", true);
	if (strcmp(l->addr, "127.0.0.1") != 0 && strcmp(l->addr, "::1") != 0)
		add_host(s, l->addr, v6);
	return s;
}

int serve_http_port(const struct serve_server *s)
{
	return s->port;
}

void serve_http_stop(struct serve_server *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	if (s->stop)
		*s->stop = 1; /* an answer under way ends at its next block */
	pthread_mutex_unlock(&s->lock);
	if (s->d)
		MHD_stop_daemon(s->d);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->idle);
	jb_free(&s->params);
	free(s);
}
