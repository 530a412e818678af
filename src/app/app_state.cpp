#include "app/app_state.h"

#include <cassert>

#include "app/i18n.h"

namespace lcs {
namespace {

Workspace without_customers(Workspace& workspace) {
    std::vector<Customer> customers;
    customers.swap(workspace.customers);
    Workspace header = workspace;
    customers.swap(workspace.customers);
    return header;
}

void restore_header(Workspace& workspace, const Workspace& header) {
    std::vector<Customer> customers;
    customers.swap(workspace.customers);
    workspace = header;
    workspace.customers.swap(customers);
}

const std::string kEmpty;

}  // namespace

AppState::AppState() { workspace_.churn_reasons = default_churn_reasons(); }

void AppState::mark_saved(const std::string& file_name) {
    file_name_ = file_name;
    dirty_ = false;
}

void AppState::load(Workspace workspace, std::string file_name, bool dirty) {
    workspace_ = std::move(workspace);
    file_name_ = std::move(file_name);
    dirty_ = dirty;
    undo_.clear();
    redo_.clear();
    selected_customer.clear();
    changed(kAll);
}

void AppState::edit_customer(std::size_t index, const std::string& label,
                             const std::function<void(Customer&)>& change) {
    assert(index < workspace_.customers.size());
    Customer& customer = workspace_.customers[index];
    CustomerEdit edit{index, customer, {}};
    change(customer);
    assert(customer.id == edit.before.id);
    edit.after = customer;
    push({label, std::move(edit)});
}

void AppState::edit_header(const std::string& label, const std::function<void(Workspace&)>& change) {
    auto before = std::make_shared<const Workspace>(without_customers(workspace_));
    std::size_t count = workspace_.customers.size();
    change(workspace_);
    assert(workspace_.customers.size() == count);
    (void)count;  // read only by the assert, which NDEBUG builds drop
    auto after = std::make_shared<const Workspace>(without_customers(workspace_));
    push({label, SnapshotEdit{false, std::move(before), std::move(after)}});
}

void AppState::edit_scenarios(const std::string& label, Json scenarios) {
    auto before = std::make_shared<const Workspace>(without_customers(workspace_));
    workspace_.scenarios = std::move(scenarios);
    auto after = std::make_shared<const Workspace>(without_customers(workspace_));
    push({label, SnapshotEdit{false, std::move(before), std::move(after), true}});
}

void AppState::replace_workspace(const std::string& label, Workspace next) {
    auto before = std::make_shared<const Workspace>(std::move(workspace_));
    auto after = std::make_shared<const Workspace>(std::move(next));
    workspace_ = *after;
    push({label, SnapshotEdit{true, std::move(before), std::move(after)}});
}

void AppState::push(Edit edit) {
    undo_.push_back(std::move(edit));
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
    redo_.clear();
    dirty_ = true;
    changed(change_of(undo_.back()));
}

void AppState::apply(const Edit& edit, bool forward) {
    if (const auto* c = std::get_if<CustomerEdit>(&edit.change)) {
        assert(c->index < workspace_.customers.size());
        workspace_.customers[c->index] = forward ? c->after : c->before;
    } else {
        const auto& s = std::get<SnapshotEdit>(edit.change);
        const Workspace& target = forward ? *s.after : *s.before;
        if (s.whole) workspace_ = target;
        else restore_header(workspace_, target);
    }
    dirty_ = true;
    changed(change_of(edit));
}

bool AppState::undo() {
    if (undo_.empty()) return false;
    Edit edit = std::move(undo_.back());
    undo_.pop_back();
    apply(edit, false);
    redo_.push_back(std::move(edit));
    return true;
}

bool AppState::redo() {
    if (redo_.empty()) return false;
    Edit edit = std::move(redo_.back());
    redo_.pop_back();
    apply(edit, true);
    undo_.push_back(std::move(edit));
    return true;
}

const std::string& AppState::undo_label() const { return undo_.empty() ? kEmpty : undo_.back().label; }
const std::string& AppState::redo_label() const { return redo_.empty() ? kEmpty : redo_.back().label; }

std::optional<std::size_t> AppState::find_customer(const std::string& id) const {
    const auto& index = id_index_.get(data_revision_, [&] {
        std::unordered_map<std::string, std::size_t> ids;
        ids.reserve(workspace_.customers.size());
        for (std::size_t i = 0; i < workspace_.customers.size(); ++i) ids.emplace(workspace_.customers[i].id, i);
        return ids;
    });
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
}

std::string notice_text(const Notice& notice) {
    std::vector<std::string> args = notice.args;
    for (std::size_t i = 0; i < args.size() && i < notice.arg_is_key.size(); ++i)
        if (notice.arg_is_key[i]) args[i] = tr(args[i].c_str());
    return trf(notice.key.c_str(), args);
}

void AppState::notify(const char* key, std::vector<std::string> args, bool is_error, std::vector<bool> arg_is_key) {
    notice_ = {key, std::move(args), is_error, "", std::move(arg_is_key)};
    notice_.text = notice_text(notice_);
}

AppState::Change AppState::change_of(const Edit& edit) {
    if (std::holds_alternative<CustomerEdit>(edit.change)) return kData;
    const auto& snapshot = std::get<SnapshotEdit>(edit.change);
    if (snapshot.whole) return kAll;
    return snapshot.scenarios_only ? kScenarios : kSettings;
}

void AppState::changed(Change change) {
    ++revision_;
    if (change & kData) ++data_revision_;
    if (change & kSettings) ++settings_revision_;
    if (change & kScenarios) ++scenario_revision_;
    if (change & (kData | kSettings)) ++analysis_revision_;
}

}  // namespace lcs
