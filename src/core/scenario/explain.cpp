#include "core/scenario/explain.h"

#include <iterator>

#include "core/lifecycle/care_plans.h"

namespace lcs {

namespace {

// One text in both languages; static tables of these need no dynamic initialisation (unlike Localized).
struct Bilingual {
    const char* en;
    const char* zh;
    const char* in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

struct Text {
    const char* key;
    Bilingual title;
    Bilingual text;
};

const Text kLeverTexts[] = {
    {"retention", "Retention uplift", "提升留存",
     "Keeps more customers of one stage from churning. Each month, x points (typed and shown as 5 pts for 5 points; the workspace file stores 0.05) of the "
     "probability of moving from that stage to a churn stage are moved back to staying in the stage; "
     "if the stage churns less than x, all its churn is removed. When the stage flows to several churn "
     "stages, each flow shrinks in proportion. Cost: cost per customer in the stage per month (counted "
     "on the customers in the stage at the start of the month) plus any fixed cost per month.",
     "减少某一阶段客户的流失。每个月，把该阶段流向流失阶段的概率中的 x 个百分点（输入和显示为 5 个百分点；工作区文件中保存为 0.05）"
     "移回“留在本阶段”；若该阶段的流失概率小于 x，则全部流失概率都被移回。该阶段流向多个流失阶段时，"
     "各流向按比例缩小。成本：每月按月初该阶段客户数 × 每客户每月成本，另加每月固定成本。"},
    {"conversion", "Faster conversion", "加快转化",
     "Moves customers from stage A to stage B sooner. Each month, x points of the probability of "
     "staying in A are moved to the probability of going from A to B (at most all of the stay "
     "probability). Other flows out of A do not change. Cost: cost per customer in A per month plus "
     "any fixed cost per month.",
     "让客户更快地从阶段 A 进入阶段 B。每个月，把“留在 A”的概率中的 x 个百分点移到“从 A 到 B”的概率上"
     "（最多移走全部留存概率），A 的其它流向不变。成本：每月按月初 A 阶段客户数 × 每客户每月成本，另加每月固定成本。"},
    {"winback", "Win-back campaign", "流失挽回",
     "Contacts churned customers who left for one churn reason and brings some back. Each month, from "
     "every churn stage, the probability reason share × contact rate × win-back share moves from "
     "staying churned to the chosen return stage. The reason share is the share of churned customers "
     "with that reason; the win-back share comes from the churn-reason catalog (e.g. price 30%) unless "
     "the lever sets its own. Cost: churned customers × reason share × contact rate × cost per "
     "contacted customer, every month, plus any fixed cost.",
     "联系因某一流失原因离开的客户，挽回其中一部分。每个月，从每个流失阶段把 原因占比 × 联系率 × 挽回率 "
     "的概率从“继续流失”移到选定的回归阶段。原因占比是流失客户中该原因的比例；挽回率来自流失原因目录"
     "（例如价格 30%），也可在杠杆中自行设定。成本：每月 流失客户数 × 原因占比 × 联系率 × 每位联系客户的成本，另加固定成本。"},
    {"care_plan", "Care plan", "关怀计划",
     "A customer-care programme (birthday care, member day, regular follow-up, holiday care, loyalty "
     "points) for the customers of the chosen stages. Its effect is a retention uplift of x points in "
     "each chosen stage, exactly as the retention lever defines it. Cost: customers in the chosen "
     "stages × cost per customer per month, plus any fixed cost per month.",
     "针对所选阶段客户的关怀计划（生日关怀、会员日关怀、定期回访、节日关怀、忠诚积分）。效果是在每个所选阶段"
     "把留存提升 x 个百分点，定义与“提升留存”杠杆完全相同。成本：所选阶段客户数 × 每客户每月成本，另加每月固定成本。"},
    {"acquisition", "Acquisition volume", "获客量调整",
     "Changes the number of new customers per month by a percentage (typed as +20% for 20% more; the workspace file stores 0.2). Cuts reduce "
     "the customers (and cost) of the existing channels. Increases buy extra customers on top, at the "
     "lever's cost per acquired customer (the channels' average cost when not set); this cost is the "
     "lever's cost. New customers enter the baseline's entry stage.",
     "按百分比改变每月新客户数量（输入 +20% 即多 20%；工作区文件中保存为 0.2）。减少时，现有渠道的新客户数和获客成本按比例减少；"
     "增加时，在现有渠道之外额外获得客户，按杠杆的每位新客户成本计费（未设定时用各渠道的平均成本），这部分计为杠杆成本。"
     "新客户进入基线的入口阶段。"},
    {"price", "Price / margin change", "价格 / 毛利调整",
     "Changes the margin per customer per month by a percentage in the chosen stages (all stages "
     "customers stay in when none are chosen); revenue changes by the same amount of money, because a "
     "price change goes straight to margin. An optional volume effect changes retention in those "
     "stages by the given points: negative points move probability from staying to churn (a price "
     "rise drives some customers away). No cost besides any fixed cost per month.",
     "按百分比改变所选阶段（未选择时为所有非流失阶段）每客户每月的毛利；收入按同样的金额变化，因为价格变化直接体现在毛利上。"
     "可选的数量效应按给定的百分点改变这些阶段的留存：负值把概率从“留在本阶段”移到流失（涨价会赶走部分客户）。"
     "除每月固定成本外没有其它成本。"},
};

const Text kResultTexts[] = {
    {"customer_equity", "Customer equity", "客户资产",
     "The value of the whole customer base today: the sum over the horizon of each month's net "
     "(margin minus servicing, lever and acquisition costs), each discounted by (1 + monthly discount "
     "rate) to the power of the month number.",
     "整个客户群今天的价值：在预测期内把每月净值（毛利减去服务成本、杠杆成本和获客成本）按 (1 + 月贴现率) 的月数次方贴现后求和。"},
    {"customers_by_stage", "Customers by stage", "各阶段客户数",
     "Customers in each stage at the end of the month: last month's customers moved by the month's "
     "transition probabilities (with the active levers applied), plus the month's new customers in "
     "the entry stage. Counts are expected values and may have decimals.",
     "月末各阶段的客户数：上月客户按本月转移概率（已叠加生效的杠杆）移动，再加上本月进入入口阶段的新客户。"
     "这些是期望值，可以有小数。"},
    {"new_customers", "New customers", "新客户",
     "Customers acquired in the month: the baseline's new customers per month, changed by any active "
     "acquisition levers.",
     "当月获得的客户：基线的每月新客户数，再按生效的获客杠杆调整。"},
    {"revenue", "Revenue", "收入",
     "Sum over stages of customers at the end of the month × revenue per customer per month in that "
     "stage (a price lever adds its margin change).",
     "各阶段 月末客户数 × 该阶段每客户每月收入 之和（价格杠杆会加上其毛利变化）。"},
    {"margin", "Margin", "毛利",
     "Sum over stages of customers at the end of the month × margin per customer per month in that "
     "stage. Margin is revenue minus cost of goods, before servicing and marketing costs.",
     "各阶段 月末客户数 × 该阶段每客户每月毛利 之和。毛利是收入减去商品成本，尚未扣除服务和营销成本。"},
    {"servicing_cost", "Servicing cost", "服务成本",
     "Sum over stages of customers at the end of the month × servicing cost per customer per month.",
     "各阶段 月末客户数 × 每客户每月服务成本 之和。"},
    {"lever_cost", "Lever cost", "杠杆成本",
     "What the active levers cost in the month: per-customer costs on the customers they work on at "
     "the start of the month, extra acquired customers, plus fixed costs per month.",
     "当月生效杠杆的花费：按月初所作用客户数计的每客户成本、额外获客成本，以及每月固定成本。"},
    {"acquisition_cost", "Acquisition cost", "获客成本",
     "New customers from the existing channels × the channels' average cost per acquired customer "
     "(sum of channel share × channel cost).",
     "来自现有渠道的新客户数 × 渠道平均获客成本（各渠道占比 × 渠道成本 之和）。"},
    {"cost", "Cost", "成本", "Servicing cost + lever cost + acquisition cost of the month.",
     "当月服务成本 + 杠杆成本 + 获客成本。"},
    {"net", "Net", "净值", "Margin minus cost of the month.", "当月毛利减去成本。"},
    {"cumulative_equity", "Cumulative customer equity", "累计客户资产",
     "Customer equity counted up to this month: the running sum of discounted monthly net.",
     "截至本月的客户资产：每月贴现净值的累计和。"},
    {"cumulative_margin", "Cumulative margin (12/24/36 months)", "累计毛利（12/24/36 个月）",
     "Margin added up over the first 12, 24 or 36 months, not discounted. Empty when the horizon is "
     "shorter.",
     "前 12、24 或 36 个月毛利的简单合计（不贴现）。预测期更短时为空。"},
    {"customers_at_horizon", "Customers at horizon", "期末客户数",
     "Customers in each stage at the end of the last projected month.", "最后一个预测月月末各阶段的客户数。"},
    {"total_lever_cost", "Total lever cost", "杠杆总成本",
     "All lever costs over the horizon, added up without discounting.", "预测期内所有杠杆成本的简单合计（不贴现）。"},
    {"roi", "ROI", "投资回报率",
     "Return on the levers: (incremental discounted margin − incremental discounted cost) ÷ "
     "incremental discounted cost, where incremental means the scenario minus the same baseline "
     "without levers. 0.5 means every 1 spent returns 1.5 of margin. Empty when the levers cost "
     "nothing extra.",
     "杠杆的回报：(增量贴现毛利 − 增量贴现成本) ÷ 增量贴现成本，增量指情景减去不加杠杆的同一基线。"
     "0.5 表示每投入 1 元带回 1.5 元毛利。杠杆没有额外成本时为空。"},
    {"lever_roi", "ROI per lever", "单个杠杆回报率",
     "The ROI of each lever applied alone to the baseline, computed like the scenario ROI. Levers "
     "interact, so these do not add up to the scenario's ROI.",
     "把每个杠杆单独加到基线上计算的回报率，算法同情景回报率。杠杆之间会相互影响，因此它们加起来不等于情景回报率。"},
    {"difference_to_baseline", "Difference to baseline", "与基线的差异",
     "Each scenario figure minus the same figure of the baseline (no levers, no overrides).",
     "情景的每个指标减去基线（无杠杆、无覆盖值）的同一指标。"},
    {"sensitivity", "Sensitivity (tornado)", "敏感性（龙卷风图）",
     "Customer equity recomputed with one input at a time 10% lower and 10% higher (margins, "
     "servicing cost, each stage's churn probability, new customers, acquisition cost, discount "
     "rate, lever parameters). Bars are sorted by how far equity swings; the longest bars are the "
     "inputs worth measuring most carefully.",
     "每次只把一个输入降低 10% 和提高 10%（毛利、服务成本、各阶段流失概率、新客户数、获客成本、贴现率、杠杆参数），"
     "重新计算客户资产。条形按客户资产的摆动幅度排序；最长的条形就是最值得仔细测量的输入。"},
};

const Text* find_text(const Text* begin, const Text* end, const std::string& key) {
    for (const Text* t = begin; t != end; ++t)
        if (key == t->key) return t;
    return nullptr;
}

}  // namespace

const char* lever_explanation(LeverKind kind, Lang lang) {
    const Text* t = find_text(std::begin(kLeverTexts), std::end(kLeverTexts), lever_kind_id(kind));
    return t->text.in(lang);
}

const char* lever_title(LeverKind kind, Lang lang) {
    const Text* t = find_text(std::begin(kLeverTexts), std::end(kLeverTexts), lever_kind_id(kind));
    return t->title.in(lang);
}

std::vector<std::string> result_keys() {
    std::vector<std::string> out;
    for (const Text& t : kResultTexts) out.push_back(t.key);
    return out;
}

const char* result_explanation(const std::string& key, Lang lang) {
    const Text* t = find_text(std::begin(kResultTexts), std::end(kResultTexts), key);
    if (!t) return "";
    return t->text.in(lang);
}

const char* result_title(const std::string& key, Lang lang) {
    const Text* t = find_text(std::begin(kResultTexts), std::end(kResultTexts), key);
    if (!t) return "";
    return t->title.in(lang);
}

std::string care_plan_title(const std::string& plan_id, Lang lang) {
    for (const CarePlan& plan : care_plans())
        if (plan.id == plan_id) return plan.name.in(lang);
    return plan_id;
}

}  // namespace lcs
