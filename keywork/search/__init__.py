"""Finding a person from the header's search box: by name, NHS number or date of birth, among the
people the user may see only, and the people they opened lately, read from the audit log."""
