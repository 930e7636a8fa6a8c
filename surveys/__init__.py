"""Having your say: the annual survey, the care leavers forum, meet-the-manager sessions and each
young person's participation record."""
