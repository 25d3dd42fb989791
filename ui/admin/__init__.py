"""Manager windows: staff accounts, reports and contact exports."""
