"""Manager and privacy-officer reports: plain result records, their printable layout, and the PDF and
CSV renderers. Pure code (no database, no Qt): the numbers come from ``desktop.services.reports``."""

from desktop.reports.base import Period, ReportHeader, ReportKind
from desktop.reports.render import Report, ReportFormat, render_report

__all__ = ["Period", "Report", "ReportFormat", "ReportHeader", "ReportKind", "render_report"]
