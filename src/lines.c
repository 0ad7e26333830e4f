/* lines.c - what each award line is, in the policy's words. */
#include <math.h>
#include <strings.h>

#include "policy.h"

static const struct line_info lines[N_LINES] = {
	[L_M1A] = {"M1A", "m1a", "第1条", RK_FIRM,
		   "newly attracted industrial-software firm: 5% of paid-in capital",
		   "新引进工业软件企业 按注册资本5%奖励"},
	[L_M1B] = {"M1B", "m1b", "第1条", RK_FIRM,
		   "attracted firm with 2亿 revenue within 3 years of settling",
		   "落户3年内累计营收达2亿元再奖励"},
	[L_M2] = {"M2", "m2", "第2条", RK_FIRM,
		  "newly set-up software firm reaching staff and revenue tiers",
		  "新设软件企业 员工与营收达标奖励"},
	[L_M3A] = {"M3A", "m3a", "第3条", RK_FIRM,
		   "revenue first reaching 1亿/5亿/10亿, paid as top-up",
		   "营收首次达1/5/10亿元进档补差奖励"},
	[L_M3B] = {"M3B", "m3b", "第3条", RK_FIRM,
		   "first listing in a national software or internet top-100",
		   "首次入选软件业务收入/互联网综合实力百强"},
	[L_M3C] = {"M3C", "m3c", "第3条", RK_FIRM,
		   "key-database firm growing revenue by more than 50%",
		   "重点软件企业库企业营收增幅超50%"},
	[L_M4] = {"M4", "m4", "第4条", RK_LEVEL,
		  "software park rated national / provincial",
		  "获评国家级/省级软件产业园区"},
	[L_M5A] = {"M5A", "m5a", "第5条", RK_INCREMENT,
		   "digital-economy special park: 2‰ of software revenue increment",
		   "数字经济特色产业园区 按软件收入增量2‰"},
	[L_M5B] = {"M5B", "m5b", "第5条", RK_INCREMENT,
		   "famous software park: 1‰ of software revenue increment",
		   "软件名园 按软件收入增量1‰"},
	[L_M6A] = {"M6A", "m6a", "第6条", RK_RATE,
		   "industrial-software core-technology research project",
		   "工业软件关键核心技术攻关项目"},
	[L_M6B] = {"M6B", "m6b", "第6条", RK_UPTO,
		   "innovation consortium led by a leading firm",
		   "龙头企业牵头组建创新联合体"},
	[L_M6C] = {"M6C", "m6c", "第6条", RK_RATE,
		   "consortium's open-competition project: 50% of investment",
		   "创新联合体揭榜挂帅项目 按投入50%配套"},
	[L_M7A] = {"M7A", "m7a", "第7条", RK_YEARLY,
		   "software application / integration-verification centre, yearly",
		   "软件应用创新中心/集成验证中心 每年支持"},
	[L_M7B] = {"M7B", "m7b", "第7条", RK_RATE,
		   "joint innovation project: 50% of software investment",
		   "联合创新攻关项目 按软件投入50%"},
	[L_M8A] = {"M8A", "m8a", "第8条", RK_FIXED,
		   "open-source project with leading capacity in a key field",
		   "形成开源引领能力的开源软件项目"},
	[L_M8B] = {"M8B", "m8b", "第8条", RK_UPTO,
		   "open-source platforms, case by case",
		   "开源平台 一事一议"},
	[L_M9] = {"M9", "m9", "第9条", RK_UPTO,
		  "district promoting cloud industrial software",
		  "各地区云化工业软件推广成效"},
	[L_M10A] = {"M10A", "m10a", "第10条", RK_RATE,
		    "technology provider of a 信创 benchmark project",
		    "信创标杆工程技术提供方 按研发投入20%"},
	[L_M10B] = {"M10B", "m10b", "第10条", RK_FIXED,
		    "user enterprise in the first round of standard adoption",
		    "首轮贯标用户企业 首贯标奖励"},
	[L_M10C] = {"M10C", "m10c", "第10条", RK_LIFETIME,
		    "enterprise adapting software to 信创, lifetime cap",
		    "在苏开展信创适配企业"},
	[L_M11] = {"M11", "m11", "第11条", RK_RATE,
		   "first-version industrial or AI software: 20% of annual sales",
		   "首版次工业软件和人工智能软件 按年度销售额20%"},
	[L_M12A] = {"M12A", "m12a", "第12条", RK_TEAM,
		    "Gusu leading talent team: project funding and housing",
		    "姑苏领军人才团队 项目资助和购房补贴"},
	[L_M12B] = {"M12B", "m12b", "第12条", RK_UPTO,
		    "newly introduced high-skill leading talent: housing",
		    "新引进高技能领军人才 购房补贴"},
	[L_M12C] = {"M12C", "m12c", "第12条", RK_UPTO,
		    "key-industry shortage talent: salary subsidy",
		    "重点产业紧缺人才 薪酬补贴"},
	[L_M13A] = {"M13A", "m13a", "第13条", RK_LEVEL,
		    "software talent training base, provincial / municipal",
		    "省级/市级软件产业人才培训基地"},
	[L_M13B] = {"M13B", "m13b", "第13条", RK_YEARLY,
		    "open-source talent ecosystem base, yearly",
		    "开源人才生态创新基地 每年奖励"},
};

const struct line_info *line_info(enum line_id line)
{
	return &lines[line];
}

int line_by_name(const char *name)
{
	for (int i = 0; i < N_LINES; i++)
		if (strcasecmp(name, lines[i].name) == 0)
			return i;
	return -1;
}

double policy_provincial_share(const struct policy *p, enum line_id line)
{
	const struct line_common *c = &p->line[line];
	if (c->funding != FUND_POOLED)
		return 0;
	return isnan(c->provincial_share) ? p->provincial_share : c->provincial_share;
}

double policy_district_share(const struct policy *p, enum line_id line)
{
	const struct line_common *c = &p->line[line];
	return isnan(c->district_share) ? p->district_share : c->district_share;
}
