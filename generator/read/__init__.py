"""Reading: files on disk into the model, with every problem located. Nothing here renders."""
