"""The two retention reports for the privacy officer: the files past the rule as of the period's last
day (with how many were left out, and why), and the anonymisations recorded in the period (file
numbers, when, who, the rule and what was erased: no identity)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import Language
from desktop.domain.retention import AnonymisationRecord, RetentionReview, rule_words
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section
from desktop.reports.retention_texts import AnonymisationsText, RetentionReviewText, RetentionText
from desktop.reports.texts import ReportText

__all__ = ["AnonymisationsReport", "RetentionReviewReport"]


@dataclass(frozen=True)
class RetentionReviewReport:
    header: ReportHeader
    review: RetentionReview

    @property
    def row_count(self) -> int:
        return len(self.review.candidates)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        review = self.review
        rule = rule_words(review.retention_years, language.value)
        return ReportLayout(
            header=self.header,
            language=language,
            title=RetentionReviewText.title.get(language),
            figures=(
                (RetentionText.rule.get(language), rule, Kind.TEXT),
                (RetentionReviewText.past.get(language), review.total, Kind.INT),
                (RetentionReviewText.held.get(language), review.held, Kind.INT),
                (RetentionReviewText.pending_opt_out.get(language), review.pending_opt_out, Kind.INT),
                (RetentionReviewText.open_access_request.get(language), review.open_access_request, Kind.INT),
            ),
            definitions=(
                RetentionReviewText.definitions[0].format(
                    language, as_of=review.today.isoformat(), rule=rule
                ),
                RetentionReviewText.definitions[1].get(language),
                RetentionText.last_contact_definition.get(language),
            ),
            sections=(
                Section(
                    RetentionReviewText.section.get(language),
                    (
                        Column(RetentionText.file_number.get(language), width=0.8),
                        Column(RetentionReviewText.name.get(language), width=2.6),
                        Column(RetentionReviewText.date_of_birth.get(language), Kind.DATE, 1.0),
                        Column(RetentionText.last_contact.get(language), Kind.DATE, 1.0),
                        Column(RetentionReviewText.review_due.get(language), Kind.DATE, 1.0),
                    ),
                    tuple(
                        (c.file_number, c.name, c.date_of_birth, c.last_contact_on, c.review_due_on)
                        for c in review.candidates
                    ),
                    empty_text=RetentionReviewText.none.get(language),
                ),
            ),
        )


@dataclass(frozen=True)
class AnonymisationsReport:
    header: ReportHeader
    entries: tuple[AnonymisationRecord, ...]

    @property
    def row_count(self) -> int:
        return len(self.entries)

    @property
    def erased_rows(self) -> int:
        return sum(e.erased_rows for e in self.entries)

    @property
    def documents_removed(self) -> int:
        return sum(e.documents_removed for e in self.entries)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return ReportLayout(
            header=self.header,
            language=language,
            title=AnonymisationsText.title.get(language),
            landscape=True,
            figures=(
                (AnonymisationsText.count.get(language), self.row_count, Kind.INT),
                (AnonymisationsText.erased.get(language), self.erased_rows, Kind.INT),
                (AnonymisationsText.documents.get(language), self.documents_removed, Kind.INT),
            ),
            definitions=(
                *(text.get(language) for text in AnonymisationsText.definitions),
                RetentionText.last_contact_definition.get(language),
            ),
            sections=(
                Section(
                    AnonymisationsText.section.get(language),
                    (
                        Column(RetentionText.file_number.get(language), width=0.8),
                        Column(AnonymisationsText.when.get(language), Kind.DATETIME, 1.3),
                        Column(AnonymisationsText.by.get(language), width=1.6),
                        Column(RetentionText.rule.get(language), width=2.2),
                        Column(RetentionText.last_contact.get(language), Kind.DATE, 1.0),
                        Column(AnonymisationsText.erased.get(language), Kind.INT, 0.8),
                        Column(AnonymisationsText.documents.get(language), Kind.INT, 0.8),
                    ),
                    tuple(
                        (
                            e.file_number,
                            e.anonymised_at,
                            e.by_name,
                            rule_words(e.retention_years, language.value),
                            e.last_contact_on,
                            e.erased_rows,
                            e.documents_removed,
                        )
                        for e in self.entries
                    ),
                    total=(
                        ReportText.total.get(language),
                        None,
                        None,
                        None,
                        None,
                        self.erased_rows,
                        self.documents_removed,
                    ),
                    empty_text=AnonymisationsText.none.get(language),
                ),
            ),
        )
