#include "core/workspace.h"

namespace lcs {

std::vector<ChurnReason> default_churn_reasons() {
    return {
        {"price", {"Price too high", "价格过高"}, {"Discount offer", "打折优惠"}, 0.30, Json::object()},
        {"features", {"Product features insufficient", "产品功能不足"}, {"Upgrade service", "升级服务"}, 0.20, Json::object()},
        {"service", {"Poor customer service", "客户服务不佳"}, {"Better-trained service staff", "加强客服培训"}, 0.10,
         Json::object()},
        {"other", {"Other", "其他原因"}, {"Personalised plan", "个性化方案"}, 0.20, Json::object()},
    };
}

}  // namespace lcs
