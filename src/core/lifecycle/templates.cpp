// The seven built-in stage models of the source material (docs/lifecycle-models.md), texts in our own words,
// and model-driven variants of two of them whose decline stage reads the CLV fit.
// Default rules work on plain transaction data and on subscription data (one payment per period):
// they use recency, tenure, purchase counts and churn events, never product-specific fields.
#include "core/lifecycle/model.h"

namespace lcs {

namespace {

using K = ConditionKind;
using C = Compare;

// Colours, 0xRRGGBBAA.
constexpr uint32_t kGrey = 0x9AA5B1FF, kSky = 0x5DADE2FF, kTeal = 0x48C9B0FF, kGreen = 0x58D68DFF,
                   kDeepGreen = 0x1E8449FF, kPurple = 0x8E44ADFF, kAmber = 0xF5B041FF, kRed = 0xE74C3CFF;

Stage make_stage(const char* id, Localized name, uint32_t color, Localized description, Localized goal,
                 std::vector<std::string> metrics, std::vector<PlaybookItem> playbook, StageRules rules,
                 bool at_risk = false) {
    Stage s;
    s.id = id;
    s.name = std::move(name);
    s.color = color;
    s.description = std::move(description);
    s.goal = std::move(goal);
    s.result_metrics = std::move(metrics);
    s.playbook = std::move(playbook);
    s.rules = std::move(rules);
    s.at_risk = at_risk;
    return s;
}

// ---- shared rule building blocks ----
StageRules never_bought() { return {{cond_never_purchased()}, {}}; }
StageRules engaged_lead(int window = 180) {
    return {{cond_never_purchased(), cond(K::interactions_in_window, C::ge, 1, window)}, {}};
}
StageRules single_purchase_active() {
    return {{cond(K::repeat_purchases, C::eq, 0), cond(K::recency_days, C::le, 365)}, {}};
}
StageRules repeat_active() { return {{cond(K::repeat_purchases, C::ge, 1), cond(K::recency_days, C::le, 365)}, {}}; }
// A year with us and still buying at least quarterly (a monthly subscriber qualifies after a year).
StageRules loyal() {
    return {{cond(K::tenure_days, C::ge, 365), cond(K::purchases_in_window, C::ge, 4, 365)}, {}};
}
// Left: cancelled after the last purchase, or silent for more than a year.
StageRules churned() { return {{}, {cond_churned(true), cond(K::recency_days, C::gt, 365)}}; }
// Cooling down: silent for half a year, or buying less than half as often as in the half-year before.
StageRules declining(bool include_churned) {
    StageRules r{{}, {cond(K::recency_days, C::gt, 180), cond(K::trend, C::lt, 0.5, 180, "purchases")}};
    if (include_churned) r.any.insert(r.any.begin(), cond_churned(true));
    return r;
}

PlaybookItem p(const char* en, const char* zh) { return {{en, zh}}; }

// ---- the templates ----
LifecycleModel five_core() {
    LifecycleModel m;
    m.id = "five_core";
    m.name.en = "Five core stages of CLM";
    m.name.zh = "客户生命周期管理五大核心阶段";
    m.description.en = "Awareness, understanding, purchase, loyalty and churn: the classic CLM arc.";
    m.description.zh = "认识、了解、购买、忠诚与流失：经典的客户生命周期管理主线。";
    m.stages = {
        make_stage("awareness", {"Awareness", "认识"}, kGrey,
                   {"People who know of us but have not engaged or bought.", "知道我们但尚未互动或购买的人。"},
                   {"Understand needs and pain points; grow the number of qualified leads.",
                    "了解需求与痛点，增加合格潜在客户数量。"}, {"lead_count", "engagement"},
                   {p("Run surveys, interviews and data analysis to learn needs and pain points", "通过调研、访谈和数据分析了解需求与痛点"),
                    p("Publish useful content: articles, social posts, short videos", "发布有价值的内容：文章、社交媒体、短视频"),
                    p("Balance inbound content with targeted outbound outreach; track lead counts", "兼顾集客营销与主动外呼，跟踪线索数量")},
                   never_bought()),
        make_stage("understanding", {"Understanding", "了解"}, kSky,
                   {"Leads who are considering us: they interacted recently but have not bought yet.",
                    "正在考虑我们的潜在客户：近期有互动但尚未购买。"},
                   {"Build trust so that considered leads become buyers.", "建立信任，让考虑中的潜在客户转化为购买者。"},
                   {"lead_conversion_rate", "engagement"},
                   {p("Give detailed product information: manuals, online demos, reviews, FAQ", "提供详细产品信息：手册、在线演示、用户评价、常见问题"),
                    p("Follow up personally and offer expert advice", "个性化沟通、定期跟进并提供专家建议"),
                    p("Offer a free trial and invite them to the customer community", "提供免费试用，邀请加入客户社区")},
                   engaged_lead()),
        make_stage("purchase", {"Purchase", "购买"}, kGreen,
                   {"Customers who have bought and are still active, but are not yet loyal.",
                    "已经购买且仍然活跃、但尚未形成忠诚的客户。"},
                   {"Make buying easy and the first experience good enough to come back.",
                    "让购买简单顺畅，首次体验好到愿意再来。"},
                   {"conversion_rate", "repeat_purchase_rate", "time_to_convert"},
                   {p("Simplify checkout: online payment, one-click ordering", "简化结账流程：在线支付、一键下单"),
                    p("Use time-limited discounts, bundles and coupons for precise targets", "针对精准人群使用限时折扣、捆绑销售和优惠券"),
                    p("After the sale, respond fast and track satisfaction in the CRM", "售后快速响应，在CRM中记录并跟踪满意度")},
                   {{negated(cond_never_purchased())}, {}}),
        make_stage("loyalty", {"Loyalty", "忠诚"}, kDeepGreen,
                   {"Long-standing customers who keep buying regularly.", "长期且持续定期购买的客户。"},
                   {"Keep loyal customers loyal and grow their value.", "保持忠诚客户的忠诚度并提升其价值。"},
                   {"retention_rate", "revenue_retained", "nps", "referrals"},
                   {p("Personalise service and add value: member offers, points", "提供个性化服务与增值服务：会员优惠、积分"),
                    p("Run care plans: birthday, member day, holidays, regular follow-up", "执行关怀计划：生日、会员日、节日、定期回访"),
                    p("Invite them to refer friends and reward sharing", "邀请推荐好友并奖励分享")},
                   loyal()),
        make_stage("churn", {"Churn", "流失"}, kRed,
                   {"Customers who cancelled or have not bought for more than a year.",
                    "已取消或超过一年未购买的客户。"},
                   {"Learn why they left and win back the ones worth winning.", "弄清流失原因，挽回值得挽回的客户。"},
                   {"churn_rate", "winback_expected"},
                   {p("Contact them proactively and ask why they left", "主动联系，询问离开的原因"),
                    p("Offer a plan per reason: discount for price, upgrade for features, better service", "按原因制定方案：价格给折扣、功能给升级、服务加强培训"),
                    p("Feed the reasons back into pricing, product and service", "把流失原因反馈到定价、产品和服务改进")},
                   churned(), true),
    };
    m.evaluation_order = {"churn", "loyalty", "purchase", "understanding", "awareness"};
    m.fallback_stage = "awareness";
    return m;
}

LifecycleModel call_centre() {
    LifecycleModel m;
    m.id = "call_centre";
    m.name.en = "Call-centre lifecycle";
    m.name.zh = "呼叫中心客户生命周期";
    m.description.en = "A rising loop: lapsed customers return to contact and the cycle repeats at a higher level.";
    m.description.zh = "螺旋上升的循环：沉睡客户回到接触阶段，周期在更高层次上重复。";
    m.cyclic = true;
    m.stages = {
        make_stage("contact", {"Contact", "接触"}, kGrey,
                   {"First contact, or a lapsed customer we need to reach again.", "首次接触，或需要重新接触的沉睡客户。"},
                   {"Reach the right people and start a conversation.", "接触到合适的人并开启对话。"},
                   {"lead_count", "engagement"},
                   {p("Call or message with a clear reason to talk", "带着明确的理由致电或发送消息"),
                    p("Segment the list so each call fits the person", "细分名单，让每次通话贴合对象"),
                    p("Re-contact lapsed customers with what is new since they left", "向沉睡客户介绍他们离开后的新变化")},
                   churned()),
        make_stage("acquisition", {"Acquisition", "获取"}, kSky,
                   {"Leads in active conversation who have not bought yet.", "正在积极沟通但尚未购买的潜在客户。"},
                   {"Qualify the lead and make the first offer.", "确认线索质量并提出首个方案。"},
                   {"lead_conversion_rate", "engagement"},
                   {p("Qualify needs and budget on the call", "在通话中确认需求与预算"),
                    p("Send product details, demos and answers to common questions", "发送产品资料、演示和常见问题解答"),
                    p("Schedule a follow-up before ending each call", "每次通话结束前约定下次跟进")},
                   engaged_lead()),
        make_stage("conversion", {"Conversion", "转换"}, kTeal,
                   {"Customers who made their first purchase in the last year.", "近一年内完成首次购买的客户。"},
                   {"Turn the first purchase into a relationship.", "把首次购买变成长期关系。"},
                   {"conversion_rate", "repeat_purchase_rate"},
                   {p("Thank-you call and onboarding check after the first order", "首单后致电感谢并确认使用情况"),
                    p("Resolve any issue quickly and record it", "快速解决问题并记录"),
                    p("Offer a relevant second product", "推荐相关的第二件产品")},
                   single_purchase_active()),
        make_stage("retention", {"Retention", "持续"}, kGreen,
                   {"Repeat buyers: the stage of repeat sales and care.", "重复购买的客户：重复销售与关怀阶段。"},
                   {"Keep them buying and cared for.", "保持持续购买并得到关怀。"},
                   {"retention_rate", "repeat_purchase_rate", "complaint_rate"},
                   {p("Regular follow-up calls and personalised service", "定期回访，提供个性化服务"),
                    p("Cross-sell and up-sell based on purchase history", "基于购买记录交叉销售与向上销售"),
                    p("Care plans: birthday, holiday and member-day offers", "关怀计划：生日、节日和会员日优惠")},
                   repeat_active()),
        make_stage("loyalty", {"Loyalty", "忠诚"}, kDeepGreen,
                   {"Long-standing regular buyers.", "长期定期购买的客户。"},
                   {"Grow value and turn loyal customers into advocates.", "提升价值，让忠诚客户成为推荐者。"},
                   {"retention_rate", "nps", "referrals", "revenue_retained"},
                   {p("Dedicated contact person and priority service", "专属联系人与优先服务"),
                    p("Loyalty points that reward spending", "按消费累积忠诚积分"),
                    p("Ask for referrals and reward them", "邀请推荐并给予奖励")},
                   loyal()),
    };
    m.evaluation_order = {"contact", "loyalty", "retention", "conversion", "acquisition"};
    m.fallback_stage = "contact";
    return m;
}

LifecycleModel telecom_value() {
    LifecycleModel m;
    m.id = "telecom_value";
    m.name.en = "Telecom value lifecycle";
    m.name.zh = "电信客户价值生命周期";
    m.description.en = "Introduction, growth, maturity, dormancy and churn, with early warning before churn.";
    m.description.zh = "引入期、成长期、成熟期、休眠期与流失期，在流失前预警。";
    m.stages = {
        make_stage("acquisition", {"Acquisition (introduction)", "获取（引入期）"}, kSky,
                   {"New customers with at most one purchase or payment.", "最多一次购买或缴费的新客户。"},
                   {"Acquire the right customers at a sensible cost.", "以合理成本获取合适的客户。"},
                   {"lead_count", "conversion_rate", "time_to_convert"},
                   {p("Target likely buyers and track acquisition cost per channel", "瞄准潜在购买者，按渠道跟踪获客成本"),
                    p("Make the first weeks smooth: activation help, clear bills", "让前几周顺畅：开通协助、清晰账单"),
                    p("Check satisfaction early and fix problems fast", "尽早回访满意度，快速解决问题")},
                   {{}, {cond_never_purchased(), cond(K::repeat_purchases, C::eq, 0)}}),
        make_stage("growth", {"Growth", "提升（成长期）"}, kGreen,
                   {"Customers who came back at least once and whose spend is building.", "至少回购一次、消费正在增长的客户。"},
                   {"Raise revenue per customer.", "提升每客户收入。"},
                   {"repeat_purchase_rate", "net_revenue_retention", "revenue_per_customer"},
                   {p("Cross-sell and up-sell: bundles, higher plans", "交叉销售与向上销售：套餐、更高档位"),
                    p("Adjust tariffs to how the customer really uses the service", "按实际使用情况调整资费"),
                    p("Keep service cost in check as usage grows", "随用量增长控制服务成本")},
                   {{cond(K::repeat_purchases, C::ge, 1)}, {}}),
        make_stage("maturity", {"Maturity", "成熟（成熟期）"}, kDeepGreen,
                   {"Customers of a year or more who still buy at least quarterly: the value peak.",
                    "一年以上且每季度至少购买一次的客户：价值高峰。"},
                   {"Keep the value high and renew contracts.", "保持高价值并续约。"},
                   {"renewal_rate", "retention_rate", "revenue_retained", "nps"},
                   {p("Renew contracts early with a loyalty offer", "提前以忠诚优惠续约"),
                    p("Manage moves between brands and plans", "管理品牌与套餐间的迁移"),
                    p("Reward tenure with points and member benefits", "以积分和会员权益回馈在网时长")},
                   loyal()),
        make_stage("decline", {"Decline (dormant)", "衰退（休眠期）"}, kAmber,
                   {"Customers who went quiet or buy much less than before: high churn risk.",
                    "沉寂或购买明显减少的客户：高流失风险。"},
                   {"Spot risk early and act before they leave.", "尽早识别风险，在流失前行动。"},
                   {"churn_rate", "health_score", "complaint_rate"},
                   {p("Run a churn early-warning list and call high-value customers first", "建立流失预警名单，优先联系高价值客户"),
                    p("Offer a retention plan matched to the reason for the drop", "针对下降原因提供挽留方案"),
                    p("Watch bad debt: check payment and collection", "关注坏账：检查缴费与回款")},
                   declining(false), true),
        make_stage("churn", {"Churn", "离网（流失期）"}, kRed,
                   {"Customers who cancelled or have been silent for more than a year.", "已离网或超过一年无消费的客户。"},
                   {"Win back the customers worth winning back.", "挽回值得挽回的客户。"},
                   {"churn_rate", "winback_expected"},
                   {p("Contact churned customers with a win-back offer per reason", "按流失原因提供挽回方案"),
                    p("Record reasons and feed them into product and pricing", "记录原因并反馈到产品与定价"),
                    p("Prioritise win-back by past value", "按历史价值排序挽回优先级")},
                   churned(), true),
    };
    m.evaluation_order = {"churn", "decline", "maturity", "growth", "acquisition"};
    m.fallback_stage = "acquisition";
    return m;
}

LifecycleModel relationship() {
    LifecycleModel m;
    m.id = "relationship";
    m.name.en = "Relationship lifecycle";
    m.name.zh = "客户关系生命周期";
    m.description.en = "Exploration, formation, stability and decline; decline can start from any stage.";
    m.description.zh = "考察期、形成期、稳定期与退化期；退化可能从任何阶段开始。";
    m.stages = {
        make_stage("exploration", {"Exploration", "考察期"}, kSky,
                   {"Both sides are testing each other: no purchase or a single one.", "双方相互考察：尚未购买或仅购买一次。"},
                   {"Earn trust with a good first experience.", "以良好的首次体验赢得信任。"},
                   {"conversion_rate", "lead_conversion_rate"},
                   {p("Answer questions quickly and honestly", "快速、坦诚地回答问题"),
                    p("Offer a trial or a small first order", "提供试用或小额首单"),
                    p("Follow up after the first experience", "首次体验后回访")},
                   {{}, {cond_never_purchased(), cond(K::repeat_purchases, C::eq, 0)}}),
        make_stage("formation", {"Formation", "形成期"}, kGreen,
                   {"The relationship is forming: the customer came back.", "关系正在形成：客户已回购。"},
                   {"Deepen the relationship and widen what they buy.", "加深关系并拓宽购买范围。"},
                   {"repeat_purchase_rate", "engagement"},
                   {p("Recommend related products", "推荐相关产品"),
                    p("Personalise communication to their history", "结合历史个性化沟通"),
                    p("Invite them to the customer community", "邀请加入客户社区")},
                   {{cond(K::repeat_purchases, C::ge, 1)}, {}}),
        make_stage("stability", {"Stability", "稳定期"}, kDeepGreen,
                   {"A stable relationship: a year or more and still buying regularly.", "关系稳定：一年以上且仍定期购买。"},
                   {"Protect the relationship; it brings the most value.", "维护关系，这是价值最高的阶段。"},
                   {"retention_rate", "nps", "revenue_retained"},
                   {p("Care plans and loyalty points", "关怀计划与忠诚积分"),
                    p("Regular reviews of their needs", "定期回顾客户需求"),
                    p("Ask for referrals", "邀请推荐")},
                   loyal()),
        make_stage("decline", {"Decline", "退化期"}, kAmber,
                   {"The relationship weakens: cancelled, silent for half a year, or buying much less.",
                    "关系减弱：已取消、半年无购买或购买明显减少。"},
                   {"Find the cause and repair or end the relationship deliberately.", "找出原因，有意识地修复或结束关系。"},
                   {"churn_rate", "complaint_rate", "health_score"},
                   {p("Ask what changed and listen", "询问发生了什么变化并倾听"),
                    p("Fix the service or price problem behind it", "解决背后的服务或价格问题"),
                    p("Offer a personalised plan to return", "提供个性化的回归方案")},
                   declining(true), true),
    };
    m.evaluation_order = {"decline", "stability", "formation", "exploration"};
    m.fallback_stage = "exploration";
    return m;
}

LifecycleModel crm_value() {
    LifecycleModel m;
    m.id = "crm_value";
    m.name.en = "CRM value lifecycle";
    m.name.zh = "CRM客户价值生命周期";
    m.description.en = "Potential, new, growth, mature and decline; value peaks in maturity.";
    m.description.zh = "潜在、新客户、成长、成熟与衰退；价值在成熟期达到顶峰。";
    m.stages = {
        make_stage("potential", {"Potential", "潜在客户"}, kGrey,
                   {"Known contacts who have not bought yet.", "已知但尚未购买的联系人。"},
                   {"Turn potential customers into buyers.", "把潜在客户转化为购买者。"},
                   {"lead_count", "lead_conversion_rate"},
                   {p("Learn their needs from surveys and interactions", "通过调研与互动了解需求"),
                    p("Send relevant content and a first-purchase offer", "发送相关内容与首购优惠"),
                    p("Track lead conversion per channel", "按渠道跟踪线索转化率")},
                   never_bought()),
        make_stage("new", {"New", "新客户"}, kSky,
                   {"Customers with exactly one purchase.", "只购买过一次的客户。"},
                   {"Get the second purchase.", "促成第二次购买。"},
                   {"repeat_purchase_rate", "time_to_convert"},
                   {p("Welcome and onboarding messages", "欢迎与上手引导"),
                    p("A reason to come back: coupon or recommendation", "给出回购理由：优惠券或推荐"),
                    p("Check satisfaction after the first order", "首单后回访满意度")},
                   {{cond(K::repeat_purchases, C::eq, 0)}, {}}),
        make_stage("growth", {"Growth", "成长"}, kGreen,
                   {"Repeat buyers whose value is still building.", "价值仍在增长的重复购买客户。"},
                   {"Grow frequency and spend.", "提升购买频次与金额。"},
                   {"repeat_purchase_rate", "net_revenue_retention", "revenue_per_customer"},
                   {p("Cross-sell and up-sell", "交叉销售与向上销售"),
                    p("Member benefits and points", "会员权益与积分"),
                    p("Personalised recommendations", "个性化推荐")},
                   {{cond(K::repeat_purchases, C::ge, 1)}, {}}),
        make_stage("mature", {"Mature", "成熟"}, kDeepGreen,
                   {"A year or more with us and still buying at least quarterly: peak value.",
                    "一年以上且每季度至少购买一次：价值高峰。"},
                   {"Keep peak value for as long as possible.", "尽可能长久地保持高峰价值。"},
                   {"retention_rate", "revenue_retained", "nps", "referrals"},
                   {p("Care plans: birthday, member day, holidays, regular visits", "关怀计划：生日、会员日、节日、定期回访"),
                    p("Priority service and exclusive offers", "优先服务与专属优惠"),
                    p("Referral rewards", "推荐奖励")},
                   loyal()),
        make_stage("decline", {"Decline", "衰退"}, kAmber,
                   {"Cancelled, silent for half a year, or buying much less often than before.",
                    "已取消、半年未购买或购买频次明显下降。"},
                   {"Stop the decline or win the customer back.", "止住下滑或挽回客户。"},
                   {"churn_rate", "health_score", "winback_expected"},
                   {p("Early-warning list and proactive contact", "预警名单并主动联系"),
                    p("Win-back offer matched to the churn reason", "按流失原因提供挽回方案"),
                    p("Collect feedback to prevent the next loss", "收集反馈，预防再次流失")},
                   declining(true), true),
    };
    m.evaluation_order = {"decline", "mature", "growth", "new", "potential"};
    m.fallback_stage = "potential";
    return m;
}

// ---- model-driven variants: the decline stage reads the CLV fit (rules.h, model-driven conditions) ----
// Without a fit those conditions place no one, so the variants still stage customers by their other rules.
Stage& stage_of(LifecycleModel& m, const char* id) { return m.stages[static_cast<size_t>(stage_index(m, id))]; }

LifecycleModel crm_value_model() {
    LifecycleModel m = crm_value();
    m.id = "crm_value_model";
    m.name = {"CRM value lifecycle (CLV-driven decline)", "CRM客户价值生命周期（CLV模型驱动衰退）"};
    m.description = {"As the CRM value lifecycle, but decline is the fitted P(alive) below 0.3 (or a cancellation), "
                     "not a fixed silence; needs a CLV fit.",
                     "同CRM客户价值生命周期，但衰退由拟合的存活概率低于0.3（或已取消）判定，而非固定的沉寂天数；需要先拟合CLV模型。"};
    Stage& decline = stage_of(m, "decline");
    decline.description = {"Cancelled, or the CLV fit gives P(alive) below 0.3.", "已取消，或CLV模型给出的存活概率低于0.3。"};
    decline.rules = {{}, {cond_churned(true), cond(K::model_p_alive, C::lt, 0.3)}};
    return m;
}

LifecycleModel telecom_value_model() {
    LifecycleModel m = telecom_value();
    m.id = "telecom_value_model";
    m.name = {"Telecom value lifecycle (CLV-driven decline)", "电信客户价值生命周期（CLV模型驱动衰退）"};
    m.description = {"As the telecom value lifecycle, but dormancy is the fitted P(alive) below 0.3 or fewer than "
                     "0.5 expected purchases over the horizon; needs a CLV fit.",
                     "同电信客户价值生命周期，但休眠由拟合的存活概率低于0.3或预测期内预期购买少于0.5次判定；需要先拟合CLV模型。"};
    Stage& decline = stage_of(m, "decline");
    decline.description = {"The CLV fit gives P(alive) below 0.3 or fewer than 0.5 expected purchases: high churn risk.",
                           "CLV模型给出的存活概率低于0.3或预期购买少于0.5次：高流失风险。"};
    decline.rules = {{}, {cond(K::model_p_alive, C::lt, 0.3), cond(K::model_expected_purchases, C::lt, 0.5)}};
    return m;
}

LifecycleModel customer_success() {
    LifecycleModel m;
    m.id = "customer_success";
    m.name.en = "Customer-success journey";
    m.name.zh = "客户成功旅程";
    m.description.en = "Acquisition, activation, conversion, retention and referral, each with a team goal.";
    m.description.zh = "获取、激活、转化、留存与推荐，每个阶段都有团队目标。";
    StageRules converting = single_purchase_active();
    converting.all.push_back(negated(cond_churned(true)));
    StageRules retained = repeat_active();
    retained.all.push_back(negated(cond_churned(true)));
    m.stages = {
        make_stage("acquisition", {"Acquisition", "获取"}, kGrey,
                   {"Prospects, and lapsed customers who must be won again.", "潜在客户，以及需要重新赢回的流失客户。"},
                   {"Bring in qualified leads.", "带来合格线索。"}, {"lead_count"},
                   {p("Content marketing: blog articles, social media, video", "内容营销：博客文章、社交媒体、视频"),
                    p("Inbound campaigns plus targeted outbound", "集客活动加精准外呼"),
                    p("Track lead counts per source", "按来源跟踪线索数量")},
                   never_bought()),
        make_stage("activation", {"Activation", "激活"}, kSky,
                   {"Prospects who engaged in the last 90 days.", "近90天有互动的潜在客户。"},
                   {"Get them to experience the value.", "让他们体验到价值。"}, {"lead_conversion_rate", "engagement"},
                   {p("Free trial with guided setup", "带引导的免费试用"),
                    p("Online demo and FAQ", "在线演示与常见问题"),
                    p("Personal follow-up by an expert", "专家一对一跟进")},
                   engaged_lead(90)),
        make_stage("conversion", {"Conversion", "转化"}, kTeal,
                   {"First purchase made in the last year.", "近一年内完成首次购买。"},
                   {"Turn the first purchase into a habit.", "把首次购买变成习惯。"},
                   {"conversion_rate", "time_to_convert", "repeat_purchase_rate"},
                   {p("Onboarding programme", "上手引导计划"),
                    p("Quick response to the first questions", "快速响应早期问题"),
                    p("Payment and collection follow-up", "跟进付款与回款")},
                   converting),
        make_stage("retention", {"Retention", "留存"}, kGreen,
                   {"Active repeat customers.", "活跃的重复购买客户。"}, {"Keep them successful and renewing.",
                    "让客户持续成功并续约。"}, {"retention_rate", "renewal_rate", "net_revenue_retention", "health_score"},
                   {p("Health-score monitoring and regular check-ins", "健康度监控与定期沟通"),
                    p("Value-added services and loyalty points", "增值服务与忠诚积分"),
                    p("Renewal tracking ahead of the due date", "提前跟踪续约")},
                   retained),
        make_stage("referral", {"Referral", "推荐"}, kPurple,
                   {"Active customers who referred someone in the last year.", "近一年有过推荐的活跃客户。"},
                   {"Turn happy customers into advocates.", "让满意的客户成为推荐者。"}, {"referrals", "nps"},
                   {p("Referral programme that rewards sharing", "奖励分享的推荐计划"),
                    p("Case studies and reviews with the customer", "与客户共同制作案例和评价"),
                    p("Thank referrers personally", "亲自感谢推荐人")},
                   {{cond(K::referrals_made, C::ge, 1, 365), cond(K::recency_days, C::le, 365)}, {}}),
    };
    m.evaluation_order = {"referral", "retention", "conversion", "activation", "acquisition"};
    m.fallback_stage = "acquisition";
    return m;
}

LifecycleModel marketing_journey() {
    LifecycleModel m;
    m.id = "marketing_journey";
    m.name.en = "Marketing journey";
    m.name.zh = "营销旅程";
    m.description.en = "Awareness, consideration, purchase and retention. A journey is every step of every "
                    "interaction; the lifecycle is the whole relationship.";
    m.description.zh = "意识、考虑、购买与保留。旅程是每一次互动的每一步，生命周期则是整个客户关系。";
    StageRules bought_once = single_purchase_active();
    bought_once.all.push_back(negated(cond_churned(true)));
    StageRules retained = repeat_active();
    retained.all.push_back(negated(cond_churned(true)));
    m.stages = {
        make_stage("awareness", {"Awareness", "意识"}, kGrey,
                   {"People who know of us, plus lapsed or cancelled buyers.", "知道我们的人，以及已沉睡或已取消的购买者。"}, {"Be found by the right people.", "被合适的人发现。"},
                   {"lead_count"},
                   {p("Content and social media that answer real questions", "用内容和社交媒体回答真实问题"),
                    p("Search and referral visibility", "提升搜索与推荐曝光"),
                    p("Measure reach and lead counts", "衡量触达与线索数量")},
                   never_bought()),
        make_stage("consideration", {"Consideration", "考虑"}, kSky, {"Prospects who interacted in the last 180 days.",
                    "近180天有互动的潜在客户。"}, {"Help them choose us.", "帮助他们选择我们。"},
                   {"lead_conversion_rate", "engagement"},
                   {p("Comparisons, reviews and demos", "对比、评价与演示"),
                    p("Personal answers to objections", "针对顾虑的个性化解答"),
                    p("Trial or sample", "试用或样品")},
                   engaged_lead()),
        make_stage("purchase", {"Purchase", "购买"}, kTeal, {"One purchase in the last year.", "近一年内购买过一次。"},
                   {"Make buying easy and the experience good.", "让购买简单、体验良好。"},
                   {"conversion_rate", "time_to_convert"},
                   {p("Simple checkout and clear delivery", "简洁结账与清晰配送"),
                    p("Promotions: limited-time discounts, bundles, coupons", "促销：限时折扣、捆绑、优惠券"),
                    p("Post-purchase follow-up", "购后回访")},
                   bought_once),
        make_stage("retention", {"Retention", "保留"}, kDeepGreen, {"Repeat buyers active in the last year.",
                    "近一年活跃的重复购买者。"}, {"Grow loyalty.", "培养忠诚。"},
                   {"retention_rate", "repeat_purchase_rate", "nps"},
                   {p("Care plans and member offers", "关怀计划与会员优惠"),
                    p("Loyalty points", "忠诚积分"),
                    p("Invite reviews and referrals", "邀请评价与推荐")},
                   retained),
    };
    m.evaluation_order = {"retention", "purchase", "consideration", "awareness"};
    m.fallback_stage = "awareness";
    return m;
}

}  // namespace

std::vector<LifecycleModel> builtin_templates() {
    return {five_core(),        call_centre(),      telecom_value(),   relationship(),       crm_value(),
            customer_success(), marketing_journey(), crm_value_model(), telecom_value_model()};
}

std::optional<LifecycleModel> find_template(const std::string& id) {
    for (LifecycleModel& model : builtin_templates())
        if (model.id == id) return std::move(model);
    return std::nullopt;
}

}  // namespace lcs
