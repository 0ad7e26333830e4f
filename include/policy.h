/* policy.h - the award lines of the Suzhou draft and their parameters.
 *
 * struct policy holds every number of the policy as a plain value; it is
 * filled by scenario.c from INI files and read by the rules engine. It
 * owns no memory, so it can be copied by assignment. */
#ifndef FUNDSIM_POLICY_H
#define FUNDSIM_POLICY_H

#include <stdbool.h>

#include "district.h"
#include "lines.h"
#include "model.h"
#include "uncosted.h"
#include "owners.h"

enum funding { FUND_MUNICIPAL, FUND_POOLED };
enum m2_mode { M2_TOPUP, M2_EACH, M2_ONCE };
enum level { LEVEL_NONE, LEVEL_MUNICIPAL, LEVEL_PROVINCIAL, LEVEL_NATIONAL };
/* How a line's amount comes about (lines.def, pay). */
enum pay {
	PAY_FIXED,   /* the policy's amount */
	PAY_GRANTED, /* granted up to a cap: the data's figure, else payout x cap */
	PAY_RATE     /* rate x a base, up to a cap */
};

/* One row of the registry (lines.def). */
struct line_info {
	const char *name;    /* "M1A" */
	const char *section; /* "m1a" */
	const char *clause;  /* "第1条" */
	enum rule_kind kind;
	const char *who; /* one line, English */
	const char *zh;  /* measure name as the policy says it */
	enum pay pay;
	enum level lo, hi;    /* levels an entity may hold; NONE..NONE: none */
	enum funding funding; /* the policy's reading; scenarios may change it */
	enum owner_id owner;  /* the budget that pays it by default (owners.def) */
};

/* Borrowed pointer to a static table; line must be < N_LINES. */
const struct line_info *line_info(enum line_id line);
/* Line by its name or section, any case ("M3A", "m3a"); -1 if none. */
int line_by_name(const char *name);

#define MAX_TIERS 6

struct tier {
	double employees; /* M2 only */
	double revenue;   /* yuan */
	double amount;    /* yuan */
};

/* [<line>] schedule: how an award is paid out over the years, e.g.
 * 40%,30%,30% in its paid year and the next two (Decision 4 of issue 12:
 * instalments after the policy's last paid year are its tail). Shares in
 * millionths of the award, adding up to SCHEDULE_WHOLE; n = 0 (unset) or
 * 1 is a single payment. */
#define MAX_INSTALMENTS 5
#define SCHEDULE_WHOLE 1000000
struct schedule {
	int n;
	int part[MAX_INSTALMENTS];
};

/* [scenario] after_expiry: what a yearly line (M7A, M13B: 连续支持不超过3年)
 * owes a centre approved in the policy's last years. honour: the later
 * years are paid after the horizon (a commitment made in the policy
 * period); stop: support ends with the policy's last qualifying year. */
enum after_expiry { AFTER_HONOUR, AFTER_STOP };

/* The most consecutive years a yearly line may support (max_years). */
#define MAX_SUPPORT_YEARS 20

struct line_common {
	bool enabled;
	enum funding funding;
	double provincial_share; /* NaN: take [funding] default */
	double district_share;   /* NaN: take [funding] default */
	bool in_total;           /* false: a contingent item (一事一议), reported apart */
	struct schedule schedule;
	enum owner_id owner; /* the budget that pays it (default: lines.def) */
};

/* [district.<name>]: what a district pays of the non-provincial part of
 * the awards to its recipients; NaN where the scenario says nothing (then
 * the line's district_share, then [funding] district_share apply). */
struct district_rule {
	double share;         /* every line */
	double line[N_LINES]; /* one line: before share */
};

/* Parameters of the entity lines; each line uses the keys its kind
 * needs (see params.c for which key belongs to which line). */
struct eline {
	double rate, cap, amount, payout;
	double national, provincial, municipal; /* RK_LEVEL amounts */
	double project_cap, housing_cap;        /* RK_TEAM */
	int max_years;                          /* RK_YEARLY */
	int max_awards;                         /* RK_UPTO: 0 = no limit */
};

struct policy {
	int start_year, years, payment_lag;
	enum after_expiry after_expiry;
	double provincial_share, district_share; /* [funding] */
	double provincial_block; /* [funding]: provincial money a paid year for pooled lines; 0: none */
	struct district_rule district_rule[N_DISTRICTS + 1]; /* by district; [0] unused */
	bool owner_new[N_OWNERS]; /* whether an owner's money is new (default: owners.def) */
	struct line_common line[N_LINES];

	struct {
		double min_paid_capital, min_employees, rate, cap;
		int employee_window_years;
	} m1a;
	struct {
		int window_years;
		double min_cumulative_revenue, amount, payout;
		bool requires_m1a;
	} m1b;
	struct {
		int ntiers;
		struct tier tier[MAX_TIERS];
		int window_years;
		enum m2_mode mode;
		bool exclude_m1;
	} m2;
	struct {
		int ntiers;
		struct tier tier[MAX_TIERS];
		bool pre_policy_credit;
	} m3a;
	struct {
		double amount;
	} m3b;
	struct {
		double min_growth, amount, payout;
		int max_awards;
	} m3c;
	struct eline e[N_LINES]; /* entity lines; firm lines leave it zero */
	struct model model;      /* what the Monte Carlo run samples */
	/* [uncosted]: the bureau's lump sum a policy year for each item the
	 * draft promises without an amount (uncosted.h), yuan; 0 = none */
	double uncosted[N_UNCOSTED];
};

/* The shares that apply to a line, after [funding] defaults. Inline (as
 * the two below): the run splits every award by them. */
static inline double policy_provincial_share(const struct policy *p, enum line_id line)
{
	const struct line_common *c = &p->line[line];
	if (c->funding != FUND_POOLED)
		return 0;
	return __builtin_isnan(c->provincial_share) ? p->provincial_share : c->provincial_share;
}

static inline double policy_district_share(const struct policy *p, enum line_id line)
{
	const struct line_common *c = &p->line[line];
	return __builtin_isnan(c->district_share) ? p->district_share : c->district_share;
}

/* True for a line whose recipient is a district itself (第9条). */
static inline bool line_pays_district(enum line_id line)
{
	return line == L_M9; /* 第9条: 各地区云化工业软件推广成效 */
}

/* The share of the non-provincial part that district `where` (0: not
 * given) pays of an award of line to its recipient: [district.X] for the
 * line, [district.X] share, the line's district_share, [funding]
 * district_share, the first that is set. An award paid to a district (M9)
 * is never co-funded by a district: 0. */
static inline double policy_where_share(const struct policy *p, enum line_id line, int where)
{
	if (line_pays_district(line))
		return 0;
	if (where >= 1 && where <= N_DISTRICTS) {
		const struct district_rule *r = &p->district_rule[where];
		if (!__builtin_isnan(r->line[line]))
			return r->line[line];
		if (!__builtin_isnan(r->share))
			return r->share;
	}
	return policy_district_share(p, line);
}

/* Paid years after the policy's own (the tail): the longest a commitment
 * made in its last qualifying year runs on, yearly support (when
 * honoured) and instalments together. 0 .. MAX_SUPPORT_YEARS - 1 +
 * MAX_INSTALMENTS - 1. */
int policy_tail_years(const struct policy *p);

/* True when qualifying year y is inside the policy window. */
static inline bool policy_in_window(const struct policy *p, int y)
{
	return y >= p->start_year && y < p->start_year + p->years;
}

#endif
