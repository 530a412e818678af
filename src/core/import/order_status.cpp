#include "core/import/order_status.h"

#include <string>

namespace lcs {

bool is_cancelled_status(std::string_view status) {
    // Chinese shop statuses are phrases; these parts mean the whole order was called off.
    static const char* const kChineseParts[] = {"取消", "已退款", "退款成功", "全额退款", "交易关闭", "已关闭", "作废", "退货完成",
                                                "交易關閉", "已關閉", "作廢"};
    for (const char* part : kChineseParts)
        if (status.find(part) != std::string_view::npos) return true;
    std::string n;
    for (char c : status) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-') continue;
        n += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    static const char* const kEnglish[] = {"cancelled", "canceled", "cancel", "refunded", "refund", "fullyrefunded",
                                           "closedlost", "lost", "void", "voided", "returned", "rejected", "declined"};
    for (const char* word : kEnglish)
        if (n == word) return true;
    return false;
}

}  // namespace lcs
