#include "core/lifecycle/care_plans.h"

namespace lcs {

std::vector<CarePlan> care_plans() {
    return {
        {"birthday", {"Birthday care", "生日关怀"}, {"Greetings plus an exclusive offer or gift", "生日祝福，附专属优惠或礼品"}},
        {"member_day", {"Member-day care", "会员日关怀"}, {"Exclusive offers on member day", "会员日专属优惠"}},
        {"follow_up", {"Regular follow-up", "定期回访"},
         {"Phone or email visits with personalised service", "电话或邮件回访，提供个性化服务"}},
        {"holiday", {"Holiday care", "特殊节日关怀"}, {"Holiday offers or gifts", "节日优惠或礼品"}},
        {"loyalty_points", {"Loyalty points", "忠诚积分奖励"}, {"A points system that rewards spending", "按消费累积积分的奖励体系"}},
    };
}

}  // namespace lcs
