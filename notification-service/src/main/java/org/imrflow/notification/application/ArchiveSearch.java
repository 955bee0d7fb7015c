package org.imrflow.notification.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.imrflow.notification.domain.ArchiveQuery;
import org.imrflow.notification.store.ArchiveEntry;
import org.imrflow.notification.store.ArchiveItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the public archive: PostgreSQL full-text search over each treatment and its rationale, ranked, and filters
 * that an item must meet together (category, outcome, evidence level). Newest first when nothing is searched for.
 */
@ApplicationScoped
public class ArchiveSearch {
    // every column of ArchiveEntry, and not the tsvector
    private static final String ENTRY_COLUMNS = "e.reference, e.case_number, e.determined_on, e.year_of_injury,"
            + " e.reviewer_specialty, e.text_body, e.html, e.sha256, e.searchable";

    public record Found(List<ArchiveEntry> entries, Map<String, List<ArchiveItem>> items, long total) {
    }

    /** Overturned share of decided items, by a category or a year, as DWC's annual reports give it. */
    public record OverturnRate(String group, long decided, long overturned, double overturnRate) {
    }

    /** Call in a session. */
    public Uni<Found> search(ArchiveQuery query, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.text().ifPresent(text -> {
            where.append(" and e.search @@ websearch_to_tsquery('english', :text)");
            parameters.put("text", text);
        });
        query.year().ifPresent(year -> {
            where.append(" and extract(year from e.determined_on) = :year");
            parameters.put("year", year);
        });
        query.specialty().ifPresent(specialty -> {
            where.append(" and lower(e.reviewer_specialty) = lower(:specialty)");
            parameters.put("specialty", specialty);
        });
        List<String> itemConditions = new ArrayList<>();
        query.category().ifPresent(category -> {
            itemConditions.add("i.category = :category");
            parameters.put("category", category.name());
        });
        query.outcome().ifPresent(outcome -> {
            itemConditions.add("i.outcome = :outcome");
            parameters.put("outcome", outcome.name());
        });
        query.evidenceLevel().ifPresent(level -> {
            itemConditions.add("i.evidence_level = :evidenceLevel");
            parameters.put("evidenceLevel", level.name());
        });
        if (!itemConditions.isEmpty()) {
            where.append(" and exists (select 1 from archive_item i where i.reference = e.reference and ")
                    .append(String.join(" and ", itemConditions)).append(')');
        }
        String order = query.text().isPresent()
                ? " order by ts_rank(e.search, websearch_to_tsquery('english', :text)) desc, e.determined_on desc, e.reference"
                : " order by e.determined_on desc, e.reference";
        return Panache.getSession().chain(session -> {
            var select = session.createNativeQuery("select " + ENTRY_COLUMNS + " from archive_entry e" + where + order, ArchiveEntry.class)
                    .setFirstResult(page * size).setMaxResults(size);
            var count = session.createNativeQuery("select count(*) from archive_entry e" + where, Long.class);
            parameters.forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            return select.getResultList().chain(entries -> count.getSingleResult()
                    .chain(total -> itemsOf(entries).map(items -> new Found(entries, items, total))));
        });
    }

    /** Call in a session. The items of these entries, by reference, in item order. */
    public Uni<Map<String, List<ArchiveItem>>> itemsOf(List<ArchiveEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> references = entries.stream().map(entry -> entry.reference).toList();
        return ArchiveItem.<ArchiveItem>list("reference in ?1 order by reference, itemNumber", references).map(items -> {
            Map<String, List<ArchiveItem>> byReference = new LinkedHashMap<>();
            for (ArchiveItem item : items) {
                byReference.computeIfAbsent(item.reference, reference -> new ArrayList<>()).add(item);
            }
            return byReference;
        });
    }

    /** Call in a session. Overturn rates of every published item, by category and by year of determination. */
    public Uni<Map<String, List<OverturnRate>>> overturnRates() {
        return rates("i.category").chain(byCategory -> rates("cast(extract(year from e.determined_on) as int)")
                .chain(byYear -> rates("'all'").map(overall -> {
                    Map<String, List<OverturnRate>> rates = new LinkedHashMap<>();
                    rates.put("byCategory", byCategory);
                    rates.put("byYear", byYear);
                    rates.put("overall", overall);
                    return rates;
                })));
    }

    private Uni<List<OverturnRate>> rates(String groupBy) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(" + groupBy + " as varchar), count(*), count(*) filter (where i.outcome = 'OVERTURNED')"
                                + " from archive_item i join archive_entry e on e.reference = i.reference"
                                + " group by 1 order by 1", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().map(row -> {
                    long decided = ((Number) row[1]).longValue();
                    long overturned = ((Number) row[2]).longValue();
                    double rate = decided == 0 ? 0 : Math.round(1000.0 * overturned / decided) / 10.0;
                    return new OverturnRate((String) row[0], decided, overturned, rate);
                }).toList());
    }
}
