"""People and roles: accounts, young people's profiles, Personal Advisers and their teams."""
