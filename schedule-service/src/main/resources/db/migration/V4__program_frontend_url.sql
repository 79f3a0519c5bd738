-- Where a program's participants use the platform (the frontend's public origin): links in its mails lead there.
-- None: the deployment's default (notification-service's FRONTEND_URL).
ALTER TABLE program ADD COLUMN frontend_url varchar(500);
