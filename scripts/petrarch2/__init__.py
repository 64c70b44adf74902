"""The conversion of PETRARCH2's Phoenix dictionaries, used by scripts/convert_petrarch2.py."""
