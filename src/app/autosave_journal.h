// Which autosaved versions of the workspace are kept (the last kMaxVersions, newest first, each with
// its time, workspace name and size) and the small index that lists them. Pure bookkeeping: no
// storage, no UI. AutosaveStore (autosave_store.h) writes each version under its own key and only
// after that succeeds writes the index naming it, alternating between two index keys, so neither a
// cut-off version nor a cut-off index write can lose the versions already listed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lcs {

// One kept version as the index lists it.
struct AutosaveVersion {
    std::uint64_t id = 0;         // 1, 2, ... in the order written; stored under autosave_version_key(id)
    double saved_at = 0;          // unix seconds
    std::string workspace_name;   // the workspace's own name (meta.name)
    std::string file_name;        // the file it was opened from or saved as; "" when never saved
    std::size_t customers = 0;
    bool dirty = false;           // it had changes not saved to a file
};

// A version's stored text: one line of JSON metadata, a newline, then the workspace JSON. The
// pre-journal single autosave (key kLegacyAutosaveKey) has the same layout with fewer fields.
struct AutosaveRecord {
    AutosaveVersion version;       // id is not stored in the record (it is the key)
    std::string selected_customer;
    std::string workspace_json;
};
std::string serialize_autosave_record(const AutosaveRecord& record);
// nullopt when the text is not a record (no metadata line, metadata not a JSON object). The
// workspace JSON is not parsed; a legacy record gives 0 customers and an empty workspace name.
std::optional<AutosaveRecord> parse_autosave_record(std::string_view text);

constexpr const char* kLegacyAutosaveKey = "autosave";
std::string autosave_version_key(std::uint64_t id);  // "autosave.v<id>"

class AutosaveJournal {
public:
    static constexpr std::size_t kMaxVersions = 20;

    // Newest first.
    const std::vector<AutosaveVersion>& versions() const { return versions_; }
    bool empty() const { return versions_.empty(); }
    const AutosaveVersion* find(std::uint64_t id) const;  // nullptr when not listed
    // The id a new version gets: one more than any listed (1 for an empty journal).
    std::uint64_t next_id() const;

    // This journal with `version` added as the newest and the oldest beyond kMaxVersions dropped,
    // numbered one write later (the other index key). Precondition: version.id == next_id().
    AutosaveJournal with(AutosaveVersion version) const;
    // Ids listed here but not in `later`: versions to delete once `later` is the stored index.
    std::vector<std::uint64_t> dropped_in(const AutosaveJournal& later) const;

    // The storage key this index is written under ("autosave.index.0" or ".1", by write number).
    std::string index_key() const;
    static std::vector<std::string> index_keys();  // both, for reading
    std::string to_json() const;
    // nullopt for text that is not a whole index (a cut-off write, another program's data).
    static std::optional<AutosaveJournal> from_json(std::string_view text);
    // The index to use from the two index keys' contents (either absent or unreadable): the readable
    // one written last; an empty journal when neither is readable.
    static AutosaveJournal newest_of(const std::optional<std::string>& first, const std::optional<std::string>& second);

private:
    std::vector<AutosaveVersion> versions_;
    std::uint64_t writes_ = 0;  // how many indexes were written before this one
};

}  // namespace lcs
