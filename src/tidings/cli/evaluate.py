"""``tidings eval GOLD.jsonl``: print the scores of each gold file."""

from __future__ import annotations

import json
import sys


def _pct(x: float) -> str:
    return f"{x:.3f}"


def print_report(report: dict, out=sys.stdout) -> None:
    w = out.write
    w(f"== {report['file']} ({report['kind']}, {report['records']} records)\n")
    if "rules" in report:
        from tidings.evaluation.rules import render as render_rules

        for text in render_rules(report):
            w(text)
    if report["kind"] == "dyads":
        from tidings.evaluation.dyads import render

        for text in render(report):
            w(text)
    elif report["kind"] == "wikievents":
        from tidings.evaluation.wikievents import render as render_wikievents

        for text in render_wikievents(report):
            w(text)
    elif report["kind"] == "plover":
        t = report["type"]
        o = t["overall"]
        w(f"event type   P {_pct(o['precision'])}  R {_pct(o['recall'])}  F1 {_pct(o['f1'])}"
          f"   (tp {o['tp']}, fp {o['fp']}, fn {o['fn']})\n")
        d = report["dyad"]
        w(f"dyad         P {_pct(d['precision'])}  R {_pct(d['recall'])}  F1 {_pct(d['f1'])}"
          "   (type + source + target by span overlap)\n")
        w(f"sentences with no event: {t['no_event_share']:.1%}\n")
        if "actors" in report:
            from tidings.evaluation.actors import render as render_actors

            for text in render_actors(report):
                w(text)
        w("per class          P      R      F1   support\n")
        for label, s in t["per_class"].items():
            support = s["tp"] + s["fn"]
            w(f"  {label:<12} {_pct(s['precision'])}  {_pct(s['recall'])}  {_pct(s['f1'])}  {support:>5}\n")
        w("top confusions (gold -> predicted):\n")
        for c in t["confusion"][:10]:
            w(f"  {c['gold']:<10} -> {c['predicted']:<10} {c['count']}\n")
    elif report["kind"] == "case2021":
        w(f"conflict and protest snippets with an event: {report['conflict_protest_recall']:.1%} "
          f"of {report['conflict_protest_snippets']}\n")
        w(f"crime, disaster and other snippets with an event: {report['non_political_with_event']:.1%} "
          f"of {report['non_political_snippets']}\n")
        w(f"other political snippets with an event: {report['other_political_with_event']:.1%} "
          f"of {report['other_political_snippets']}\n")
        a = report["suggested_type_agreement"]
        w(f"agreement with the suggested PLOVER type: P {_pct(a['precision'])} R {_pct(a['recall'])}\n")
    else:
        s = report["toponyms"]
        w(f"toponyms     P {_pct(s['precision'])}  R {_pct(s['recall'])}  F1 {_pct(s['f1'])}\n")
        w(f"resolved within 161 km: {report['accuracy_161km']:.1%} of {report['resolved']} found\n")


def run_eval(args) -> int:
    from tidings.config import load_settings
    from tidings.evaluation.runner import evaluate
    from tidings.pipeline import Pipeline

    pipeline = Pipeline.load(load_settings(without=args.without))
    if pipeline.settings.without:
        print(f"without rules: {', '.join(pipeline.settings.without)}")
    reports = [evaluate(path, limit=args.limit, pipeline=pipeline, explain=args.explain) for path in args.gold]
    if args.format == "json":
        json.dump(reports if len(reports) > 1 else reports[0], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for report in reports:
            print_report(report)
    return 0
