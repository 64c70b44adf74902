"""``tidings watch``: poll RSS/Atom feeds on a schedule, code and store what is new through the
one writer, and post alerts for new events that match rules.

    schedule.py   durations ("30s", "15m", "1h") and the per-feed backoff
    alerts.py     alert rules ("actor=TUR,type=SANCTION") and the webhook sender thread
    monitor.py    one poll cycle, and the loop that runs cycles until told to stop
"""

from tidings.watch.alerts import AlertRule, Sender
from tidings.watch.monitor import CycleReport, Monitor
from tidings.watch.schedule import format_duration, parse_duration

__all__ = ["AlertRule", "CycleReport", "Monitor", "Sender", "format_duration", "parse_duration"]
