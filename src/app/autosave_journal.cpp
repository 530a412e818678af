#include "app/autosave_journal.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace lcs {
namespace {

using Json = nlohmann::json;

constexpr const char* kIndexFormat = "lifecycle-studio-autosave-index";

// A field of the wrong type reads as the fallback: an index or record is data from an earlier
// version of the app, not a contract to enforce.
template <class T>
T field(const Json& object, const char* key, T fallback) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if constexpr (std::is_same_v<T, std::string>) return it->is_string() ? it->template get<std::string>() : fallback;
    else if constexpr (std::is_same_v<T, bool>) return it->is_boolean() ? it->template get<bool>() : fallback;
    else return it->is_number() && *it >= 0 ? it->template get<T>() : fallback;
}

}  // namespace

std::string serialize_autosave_record(const AutosaveRecord& record) {
    const AutosaveVersion& v = record.version;
    Json meta = {{"saved_at", v.saved_at},          {"file_name", v.file_name},
                 {"dirty", v.dirty},                {"selected", record.selected_customer},
                 {"workspace_name", v.workspace_name}, {"customers", v.customers}};
    return meta.dump() + "\n" + record.workspace_json;
}

std::optional<AutosaveRecord> parse_autosave_record(std::string_view text) {
    std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    Json meta = Json::parse(text.substr(0, newline), nullptr, false);
    if (!meta.is_object()) return std::nullopt;
    AutosaveRecord record;
    record.version.saved_at = field(meta, "saved_at", 0.0);
    record.version.file_name = field(meta, "file_name", std::string());
    record.version.dirty = field(meta, "dirty", false);
    record.version.workspace_name = field(meta, "workspace_name", std::string());
    record.version.customers = field(meta, "customers", std::size_t{0});
    record.selected_customer = field(meta, "selected", std::string());
    record.workspace_json = std::string(text.substr(newline + 1));
    return record;
}

std::string autosave_version_key(std::uint64_t id) { return "autosave.v" + std::to_string(id); }

const AutosaveVersion* AutosaveJournal::find(std::uint64_t id) const {
    auto it = std::find_if(versions_.begin(), versions_.end(), [&](const AutosaveVersion& v) { return v.id == id; });
    return it == versions_.end() ? nullptr : &*it;
}

std::uint64_t AutosaveJournal::next_id() const {
    std::uint64_t last = 0;
    for (const AutosaveVersion& v : versions_) last = std::max(last, v.id);
    return last + 1;
}

AutosaveJournal AutosaveJournal::with(AutosaveVersion version) const {
    AutosaveJournal next = *this;
    next.versions_.insert(next.versions_.begin(), std::move(version));
    if (next.versions_.size() > kMaxVersions) next.versions_.resize(kMaxVersions);
    next.writes_ = writes_ + 1;
    return next;
}

std::vector<std::uint64_t> AutosaveJournal::dropped_in(const AutosaveJournal& later) const {
    std::vector<std::uint64_t> dropped;
    for (const AutosaveVersion& v : versions_)
        if (!later.find(v.id)) dropped.push_back(v.id);
    return dropped;
}

std::string AutosaveJournal::index_key() const { return index_keys()[writes_ % 2]; }
std::vector<std::string> AutosaveJournal::index_keys() { return {"autosave.index.0", "autosave.index.1"}; }

std::string AutosaveJournal::to_json() const {
    Json versions = Json::array();
    for (const AutosaveVersion& v : versions_)
        versions.push_back({{"id", v.id},
                            {"saved_at", v.saved_at},
                            {"workspace_name", v.workspace_name},
                            {"file_name", v.file_name},
                            {"customers", v.customers},
                            {"dirty", v.dirty}});
    return Json{{"format", kIndexFormat}, {"writes", writes_}, {"versions", versions}}.dump();
}

std::optional<AutosaveJournal> AutosaveJournal::from_json(std::string_view text) {
    Json json = Json::parse(text, nullptr, false);
    if (!json.is_object() || field(json, "format", std::string()) != kIndexFormat) return std::nullopt;
    auto versions = json.find("versions");
    if (versions == json.end() || !versions->is_array()) return std::nullopt;
    AutosaveJournal journal;
    journal.writes_ = field(json, "writes", std::uint64_t{0});
    for (const Json& entry : *versions) {
        if (!entry.is_object()) return std::nullopt;
        AutosaveVersion v;
        v.id = field(entry, "id", std::uint64_t{0});
        if (v.id == 0 || journal.find(v.id)) return std::nullopt;  // every version needs its own key
        v.saved_at = field(entry, "saved_at", 0.0);
        v.workspace_name = field(entry, "workspace_name", std::string());
        v.file_name = field(entry, "file_name", std::string());
        v.customers = field(entry, "customers", std::size_t{0});
        v.dirty = field(entry, "dirty", false);
        journal.versions_.push_back(std::move(v));
    }
    // Newest first whatever order was stored; more than the limit (an older app's) keeps the newest.
    std::stable_sort(journal.versions_.begin(), journal.versions_.end(),
                     [](const AutosaveVersion& a, const AutosaveVersion& b) { return a.id > b.id; });
    if (journal.versions_.size() > kMaxVersions) journal.versions_.resize(kMaxVersions);
    return journal;
}

AutosaveJournal AutosaveJournal::newest_of(const std::optional<std::string>& first, const std::optional<std::string>& second) {
    std::optional<AutosaveJournal> a = first ? from_json(*first) : std::nullopt;
    std::optional<AutosaveJournal> b = second ? from_json(*second) : std::nullopt;
    if (a && b) return a->writes_ >= b->writes_ ? *a : *b;
    if (a) return *a;
    if (b) return *b;
    return AutosaveJournal{};
}

}  // namespace lcs
