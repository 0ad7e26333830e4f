/* model.h - the population model: every assumption about firms, growth,
 * entry, rare events, parks, projects, centres and talent that the Monte
 * Carlo run samples. Kept apart from the policy's own numbers.
 *
 * A struct dist is either drawn once per replication (parameter
 * uncertainty: counts, rates, means) or once per entity (revenues,
 * investments, granted shares); params.c marks which. */
#ifndef FUNDSIM_MODEL_H
#define FUNDSIM_MODEL_H

#include <stdbool.h>

#include "dist.h"
#include "district.h"
#include "lines.h"

/* Entities applying under one entity line (M4 ... M13B). */
struct pop_line {
	struct dist per_year; /* per replication: Poisson mean of new applicants a year */
	struct dist base;     /* per entity: investment, sales, R&D (RK_RATE) */
	struct dist request;  /* per entity: amount requested, yuan ("up to" lines) */
	struct dist approval; /* per entity: share of the capped request approved */
	struct dist housing;  /* per entity: housing subsidy requested, yuan (M12A) */
	double pass;          /* annual review pass probability (RK_YEARLY) */
	struct dist national, provincial,
		municipal;   /* per replication: ratings a year (RK_LEVEL) */
	struct dist parks;   /* per replication: number of parks (RK_INCREMENT) */
	struct dist revenue; /* per entity: park software revenue before the policy */
	double growth_sd;    /* park's own yearly log-growth sd */
};

enum budget_rule { BUDGET_REPORT, BUDGET_PRORATA, BUDGET_PRIORITY };

/* [budget] priority: lines paid first under rule = priority, in order. */
struct line_order {
	int n;
	int line[N_LINES]; /* enum line_id, each at most once */
};

struct model {
	struct {
		struct dist count;   /* per replication */
		struct dist revenue; /* per firm: revenue the year before the policy */
		double min_revenue;  /* bar of the MIIT statistics: the stock is drawn above it */
		double tail_threshold, tail_alpha; /* Pareto tail above the threshold */
		double revenue_per_employee, staff_sigma;
		double industrial_share, key_db_min_revenue, key_db_share;
		double max_age; /* existing firms were founded up to this many years before */
	} firms;
	struct {
		struct dist mean, exit_rate; /* per replication */
		struct dist city; /* per replication: the city's software revenue growth (parks) */
		double common_sd, firm_sd, young_bonus, staff_elasticity, staff_ramp;
	} growth;
	struct {
		struct dist new_per_year, spinoff_per_year,
			attracted_per_year;         /* per replication */
		struct dist new_revenue, new_staff; /* per firm */
		struct dist attracted_revenue, attracted_capital, attracted_staff; /* per firm */
		double attracted_industrial_share;
	} entry;
	struct {
		double top100_min_revenue, top100_prob;
	} events;
	struct pop_line line[N_LINES]; /* indexed by enum line_id; firm lines: request, approval */
	double takeup[N_LINES];        /* share of awards claimed, by line */
	struct {
		double annual_total, annual_provincial, annual_municipal, annual_district, total;
		enum budget_rule rule;
		struct line_order priority;
		bool carry_forward; /* a year's cut is owed, and paid first, the next year */
	} budget;
	struct {
		bool enabled;
		double rate; /* local retained tax as a share of revenue */
	} taxcap;
	struct {
		double pending; /* chance a pending application (run --entities) is approved */
	} known;
	/* [district.<name>] firms, talent: where recipients are, as weights
	 * by district (district.h's number; [0] unused), normalised when drawn.
	 * firms: firms, parks, projects and centres; talent: the talent and
	 * training lines (第12条, 第13条). A district award (第9条) goes to each
	 * district alike. */
	double where_firms[N_DISTRICTS + 1], where_talent[N_DISTRICTS + 1];
};

#endif
